import XCTest
@testable import DiscreteEvent

final class RandomTests: XCTestCase {
    /// First outputs of the authors' reference C code (`splitmix64.c`,
    /// `xoshiro256starstar.c`), compiled and run for these seeds.
    func testSplitMix64MatchesReferenceCode() {
        var a = SplitMix64(seed: 0)
        XCTAssertEqual([a.next(), a.next(), a.next()], [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
        var b = SplitMix64(seed: 42)
        XCTAssertEqual([b.next(), b.next(), b.next()], [0xBDD7_3226_2FEB_6E95, 0x28EF_E333_B266_F103, 0x4752_6757_130F_9F52])
    }

    func testXoshiro256StarStarMatchesReferenceCode() {
        var a = Xoshiro256StarStar(state: (1, 2, 3, 4))
        XCTAssertEqual((0..<5).map { _ in a.next() },
                       [0x2D00, 0, 0x5A00_7080, 0x10E0_0000_0000_9D80, 0x10E0_B61C_E100_9D80])
        var b = Xoshiro256StarStar(seed: 42)
        XCTAssertEqual((0..<4).map { _ in b.next() },
                       [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1, 0xECB8_AD47_03B3_60A1])
    }

    func testUnitConversionsStayInRange() {
        struct Fixed: RandomSource { var value: UInt64; mutating func next() -> UInt64 { value } }
        var zero = Fixed(value: 0), ones = Fixed(value: .max)
        XCTAssertEqual(zero.nextUnit(), 0)
        XCTAssertLessThan(ones.nextUnit(), 1)
        XCTAssertGreaterThan(zero.nextOpenUnit(), 0)
        XCTAssertLessThan(ones.nextOpenUnit(), 1)
        XCTAssertTrue(zero.exponential(mean: 1).isFinite)
    }

    /// Bounded integers are uniform (chi-square over 7 cells, 70,000 draws).
    func testBoundedIntegersAreUniform() {
        var random = Xoshiro256StarStar(seed: 9)
        var cells = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 { cells[Int(random.next(below: 7))] += 1 }
        let chi2 = cells.reduce(0.0) { $0 + pow(Double($1) - 10_000, 2) / 10_000 }
        XCTAssertLessThan(chi2, 22.5, "chi-square with 6 degrees of freedom, p = 0.001")
        XCTAssertEqual(Set((0..<1000).map { _ in random.next(below: 1) }), [0])
    }

    func testStreamsAreReproducibleAndDistinct() {
        let run = StreamKey(seed: 1, replication: 0)
        XCTAssertEqual(run, StreamKey(seed: 1, replication: 0))
        XCTAssertNotEqual(run, StreamKey(seed: 1, replication: 1))
        XCTAssertNotEqual(run, StreamKey(seed: 2, replication: 0))
        let iphone = run.child("iphone"), android = run.child("android")
        XCTAssertNotEqual(iphone, android)
        XCTAssertNotEqual(iphone.child(0), iphone.child(1))
        // Pinned: a change in derivation would silently change every result.
        var s = CounterStream(key: iphone.child(0).device(0))
        XCTAssertEqual(s.next(), CounterStream(key: iphone.child(0).device(0)).peekFirst)
        XCTAssertEqual(iphone.child(0).device(0), 0x8250_D7C3_49B3_C74F)
        // Distinct keys for 100,000 devices × 4 purposes.
        var keys = Set<UInt64>()
        for purpose in UInt64(0)..<4 { for d in UInt32(0)..<100_000 { keys.insert(iphone.child(purpose).device(d)) } }
        XCTAssertEqual(keys.count, 400_000)
    }

    /// Neighbouring device streams are uncorrelated and each is uniform.
    func testNeighbouringDeviceStreamsAreIndependent() {
        let key = StreamKey(seed: 3, replication: 0).child("p").child(0)
        var sumXY = 0.0, sumX = 0.0, sumY = 0.0, sumXX = 0.0, sumYY = 0.0
        let n = 50_000
        var cells = [Int](repeating: 0, count: 16)
        for d in 0..<n {
            var a = CounterStream(key: key.device(UInt32(d))), b = CounterStream(key: key.device(UInt32(d + 1)))
            let x = a.nextUnit(), y = b.nextUnit()
            sumXY += x * y; sumX += x; sumY += y; sumXX += x * x; sumYY += y * y
            cells[Int(x * 16)] += 1
        }
        let nd = Double(n)
        let r = (sumXY / nd - sumX / nd * sumY / nd)
            / ((sumXX / nd - pow(sumX / nd, 2)).squareRoot() * (sumYY / nd - pow(sumY / nd, 2)).squareRoot())
        XCTAssertLessThan(abs(r), 4 / nd.squareRoot(), "correlation of neighbouring streams")
        let expected = nd / 16
        let chi2 = cells.reduce(0.0) { $0 + pow(Double($1) - expected, 2) / expected }
        XCTAssertLessThan(chi2, 37.7, "chi-square with 15 degrees of freedom, p = 0.001")
    }

    /// FNV-1a against the published test vectors (Fowler, Noll, Vo).
    func testFNV1aMatchesReferenceVectors() {
        XCTAssertEqual(StreamKey.fnv1a(""), 0xCBF2_9CE4_8422_2325)
        XCTAssertEqual(StreamKey.fnv1a("a"), 0xAF63_DC4C_8601_EC8C)
        XCTAssertEqual(StreamKey.fnv1a("foobar"), 0x8594_4171_F739_67E8)
    }
}

extension CounterStream {
    var peekFirst: UInt64 { var copy = self; return copy.next() }
}
