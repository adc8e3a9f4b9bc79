import Testing
import LagoaExecution

@Suite struct LagoaExecutionTestsPlaceholder {
    @Test func moduleLinks() {}
}
