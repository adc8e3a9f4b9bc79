public import LagoaIceberg

/// Lagoa's query engine: the one facade the CLI, server, models and ingestion talk to (STYLE.md 3.2).
/// It owns the catalog and options; each user or script works in a ``Session``.
public final class Engine: Sendable {
    public let catalog: Catalog
    public let options: EngineOptions

    public init(catalog: Catalog, options: EngineOptions = EngineOptions()) {
        self.catalog = catalog
        self.options = options
        _ = AllocatorTuning.applied
    }

    /// A new session (current namespace, settings, cancellation).
    public func makeSession() -> Session { Session(engine: self) }
}
