import XCTest
@testable import DiscreteEvent

final class PoissonArrivalsTests: XCTestCase {
    /// Counts per hour of day match perDay × weight / 24 under the office profile.
    func testArrivalsPerHourFollowTheProfile() {
        let process = PoissonArrivals(perDay: 240, profile: .office)
        var random = Xoshiro256StarStar(seed: 4)
        var perHour = [Int](repeating: 0, count: 24)
        let days: Int64 = 400
        var t: Int64 = 0
        while true {
            t = process.next(after: t, &random)
            if t >= days * PoissonArrivals.microsecondsPerDay { break }
            perHour[Int((t % PoissonArrivals.microsecondsPerDay) / PoissonArrivals.microsecondsPerHour)] += 1
        }
        for h in 0..<24 {
            let expected = 240 * DailyProfile.office.weights[h] / 24 * Double(days)
            // Poisson: standard deviation √expected; allow 4.5 of them (24 cells).
            XCTAssertEqual(Double(perHour[h]), expected, accuracy: 4.5 * expected.squareRoot() + 1, "hour \(h)")
        }
        XCTAssertEqual(Double(perHour.reduce(0, +)), 240 * Double(days), accuracy: 4.5 * (240 * Double(days)).squareRoot())
    }

    /// Inter-arrival times under a flat profile are exponential (mean and coefficient of
    /// variation 1), and hours with zero weight get nothing.
    func testFlatProfileIsHomogeneousAndZeroHoursAreSkipped() throws {
        let flat = PoissonArrivals(perDay: 1440, profile: .flat)   // one a minute
        var random = Xoshiro256StarStar(seed: 8)
        var t: Int64 = 0
        var gaps: [Double] = []
        for _ in 0..<100_000 {
            let next = flat.next(after: t, &random)
            gaps.append(Double(next - t) / 60e6)
            t = next
        }
        let mean = gaps.reduce(0, +) / Double(gaps.count)
        let sd = (gaps.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(gaps.count)).squareRoot()
        XCTAssertEqual(mean, 1, accuracy: 0.016)
        XCTAssertEqual(sd / mean, 1, accuracy: 0.02)

        var weights = [Double](repeating: 0, count: 24)
        weights[9] = 1
        let nineToTen = PoissonArrivals(perDay: 50, profile: try DailyProfile(hourlyWeights: weights))
        t = 0
        for _ in 0..<5_000 {
            t = nineToTen.next(after: t, &random)
            XCTAssertEqual((t % PoissonArrivals.microsecondsPerDay) / PoissonArrivals.microsecondsPerHour, 9)
        }
        XCTAssertEqual(PoissonArrivals(perDay: 0, profile: .flat).next(after: 5, &random), .max)
    }

    func testProfilesAreNormalisedAndValidated() throws {
        XCTAssertEqual(DailyProfile.office.weights.reduce(0, +) / 24, 1, accuracy: 1e-12)
        XCTAssertEqual(try DailyProfile(hourlyWeights: Array(repeating: 3, count: 24)), .flat)
        XCTAssertThrowsError(try DailyProfile(hourlyWeights: [1, 2]))
        XCTAssertThrowsError(try DailyProfile(hourlyWeights: Array(repeating: 0, count: 24)))
        XCTAssertThrowsError(try DailyProfile(hourlyWeights: [-1] + Array(repeating: 1, count: 23)))
    }
}
