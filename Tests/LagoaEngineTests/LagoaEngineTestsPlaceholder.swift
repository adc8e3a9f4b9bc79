import Testing
import LagoaEngine

@Suite struct LagoaEngineTestsPlaceholder {
    @Test func moduleLinks() {}
}
