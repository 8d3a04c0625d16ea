import XCTest
@testable import PushSim

/// The per-device and per-request records are sized for the cache and for the memory
/// target (≤ 300 bytes per device at 1,000,000 devices, MODEL.md / Docs/Performance.md).
/// A field added without thought shows up here first.
final class MemoryLayoutTests: XCTestCase {
    func testRequestIsOneCacheLine() {
        XCTAssertEqual(MemoryLayout<Request>.stride, 64)
    }

    func testRequestSlotsStartOnACacheLine() {
        var table = RequestTable(capacity: 1000)
        for _ in 0..<5000 { _ = table.allocate() }  // grows at least once
        XCTAssertEqual(Int(bitPattern: table.slots) % 64, 0)
    }

    /// Three cache lines; the device array starts on a line (ServerRun).
    func testDeviceIsThreeCacheLines() {
        XCTAssertEqual(MemoryLayout<Device>.stride, 192)
    }
}
