import Testing
import LagoaFunctions

@Suite struct LagoaFunctionsTestsPlaceholder {
    @Test func moduleLinks() {}
}
