import XCTest

final class PushSimCLITestsPlaceholder: XCTestCase {
    func testModuleLinks() { XCTAssertTrue(true) }
}
