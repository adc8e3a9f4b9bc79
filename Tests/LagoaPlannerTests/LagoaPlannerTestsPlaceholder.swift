import Testing
import LagoaPlanner

@Suite struct LagoaPlannerTestsPlaceholder {
    @Test func moduleLinks() {}
}
