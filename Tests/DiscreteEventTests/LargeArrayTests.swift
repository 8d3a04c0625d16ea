import XCTest
@testable import DiscreteEvent

final class LargeArrayTests: XCTestCase {
    /// A region at the threshold starts on a 2 MB boundary, so that huge pages can back all
    /// of it; it is ordinary writable memory.
    func testLargeRegionIsHugePageAligned() {
        let count = LargeArray.threshold / MemoryLayout<Int64>.stride
        let p = LargeArray.allocate(Int64.self, capacity: count)
        defer { p.deallocate() }
        XCTAssertEqual(Int(bitPattern: p) % LargeArray.hugePage, 0)
        for i in stride(from: 0, to: count, by: 4096) { p[i] = Int64(i) }
        let last = (count - 1) / 4096 * 4096
        XCTAssertEqual(p[last], Int64(last))
    }

    /// Small regions keep the alignment asked for (a device record starts on a cache line).
    func testSmallRegionKeepsRequestedAlignment() {
        let p = LargeArray.allocate(UInt8.self, capacity: 1000, alignment: 64)
        defer { p.deallocate() }
        XCTAssertEqual(Int(bitPattern: p) % 64, 0)
    }
}
