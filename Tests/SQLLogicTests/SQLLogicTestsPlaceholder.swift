import Testing
import LagoaSQLLogicTest

@Suite struct SQLLogicTestsPlaceholder {
    @Test func moduleLinks() {}
}
