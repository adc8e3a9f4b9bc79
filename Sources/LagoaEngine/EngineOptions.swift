/// Settings of an ``Engine`` and the sessions it opens.
public struct EngineOptions: Sendable {
    /// Worker tasks per query; defaults to the number of cores.
    public var threads: Int
    /// Bytes joins, aggregates and sorts may hold before they spill to ``spillDirectory``; `nil` =
    /// no limit.
    public var memoryLimit: Int?
    /// Where spill files go; defaults to the system temporary folder.
    public var spillDirectory: String?
    /// The namespace unqualified table names resolve in (`main` when unset).
    public var defaultNamespace: [String]

    public init(threads: Int? = nil, memoryLimit: Int? = nil, spillDirectory: String? = nil, defaultNamespace: [String] = ["main"]) {
        self.threads = threads ?? EngineOptions.coreCount
        self.memoryLimit = memoryLimit
        self.spillDirectory = spillDirectory
        self.defaultNamespace = defaultNamespace
    }

    static var coreCount: Int { max(1, sysconfCores()) }
}
