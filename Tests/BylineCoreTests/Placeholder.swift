import XCTest
final class BylineCoreTestsPlaceholder: XCTestCase {}
