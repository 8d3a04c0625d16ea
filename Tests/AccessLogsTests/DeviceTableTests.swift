@testable import AccessLogs
import XCTest

/// The byte-keyed device table: growth, and keys that only differ by where user ends.
final class DeviceTableTests: XCTestCase {
    func index(_ table: inout DeviceTable, _ user: String, _ device: String) -> (index: Int, isNew: Bool) {
        let u = Array(user.utf8), d = Array(device.utf8)
        return u.withUnsafeBytes { ub in d.withUnsafeBytes { db in table.index(user: ub, device: db) } }
    }

    func testThousandsOfDevicesKeepTheirIndexAcrossGrowth() {
        var table = DeviceTable()
        for k in 0..<5_000 {
            let r = index(&table, "user\(k % 700)", "Appl\(k)")
            XCTAssertEqual(r.index, k)
            XCTAssertTrue(r.isNew)
        }
        for k in stride(from: 4_999, through: 0, by: -7) {
            let r = index(&table, "user\(k % 700)", "Appl\(k)")
            XCTAssertEqual(r.index, k)
            XCTAssertFalse(r.isNew)
        }
        XCTAssertEqual(table.count, 5_000)
    }

    func testUserAndDeviceAreSeparateParts() {
        var table = DeviceTable()
        XCTAssertEqual(index(&table, "ab", "c").index, 0)
        XCTAssertEqual(index(&table, "a", "bc").index, 1)
        XCTAssertEqual(index(&table, "", "abc").index, 2)
        XCTAssertEqual(index(&table, "abc", "").index, 3)
        XCTAssertEqual(index(&table, "a", "bc").index, 1)
        XCTAssertEqual(index(&table, "same-id-user-two", "SHARED").index, 4)
        XCTAssertEqual(index(&table, "same-id-user-one", "SHARED").index, 5)
    }
}
