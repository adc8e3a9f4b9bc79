import Testing
import LagoaEngine

@Suite struct EngineInteropTestsPlaceholder {
    @Test func moduleLinks() {}
}
