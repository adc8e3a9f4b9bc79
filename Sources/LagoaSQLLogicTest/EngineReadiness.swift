public import LagoaEngine

/// The one place where the test harness tolerates an engine that is not wired yet.
///
/// While `Session.execute` throws ``EngineError`` with code `unsupported` for `SELECT 1`, the SQL
/// corpus, TPC-H and differential tests skip instead of failing. Once the engine runs, delete the
/// `.enabled(if:)` traits that call ``isWired()`` (SQLLogicTests, EngineInteropTests) and this type.
public enum EngineReadiness {
    /// Whether a throwaway engine answers `SELECT 1`. Any error other than "not wired" (code
    /// `unsupported`) counts as wired, so the real failure shows in the tests.
    public static func isWired() async -> Bool {
        await probe.value
    }

    /// The skip reason shown while the engine is not wired.
    public static let notWiredReason = "the SQL engine is not wired yet (Session.execute throws EngineError code unsupported)"

    /// Whether `error` is the engine's "not wired yet" error.
    public static func isNotWired(_ error: any Error) -> Bool {
        (error as? EngineError)?.code == .unsupported
    }

    private static let probe = Task<Bool, Never> {
        do {
            let warehouse = try await SLTWarehouse.make()
            defer { warehouse.remove() }
            _ = try await warehouse.engine.makeSession().query("SELECT 1")
            return true
        } catch {
            return !isNotWired(error)
        }
    }
}
