import XCTest
final class BylineViewTestsPlaceholder: XCTestCase {}
