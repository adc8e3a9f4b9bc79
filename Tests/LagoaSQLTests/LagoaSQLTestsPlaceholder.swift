import Testing
import LagoaSQL

@Suite struct LagoaSQLTestsPlaceholder {
    @Test func moduleLinks() {}
}
