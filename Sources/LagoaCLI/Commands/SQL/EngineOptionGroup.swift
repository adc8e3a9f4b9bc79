import ArgumentParser
import LagoaEngine

/// `--threads`, `--memory-limit`, `--namespace`: how `lagoa query` and `lagoa sql` run queries.
struct EngineOptionGroup: ParsableArguments {
    @Option(help: "Worker threads per query (default: the number of cores).")
    var threads: Int?

    @Option(help: "Memory for joins, aggregates and sorts before they spill to disk, e.g. 512MB, 2GiB (default: no limit).")
    var memoryLimit: String?

    @Option(help: "Namespace that unqualified table names resolve in (default: main).")
    var namespace: String?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if let memoryLimit { _ = try Self.bytes(memoryLimit) }
    }

    /// Opens the catalog and an engine over it.
    func makeEngine(_ lake: LakeOptions) throws -> Engine {
        let catalog = try lake.open()
        let options = EngineOptions(
            threads: threads,
            memoryLimit: try memoryLimit.map(Self.bytes),
            defaultNamespace: namespace.map { $0.split(separator: ".").map(String.init) } ?? ["main"]
        )
        return Engine(catalog: catalog, options: options)
    }

    private static func bytes(_ text: String) throws -> Int {
        guard let bytes = ByteSize.parse(text) else {
            throw ValidationError("--memory-limit '\(text)' is not a size; write e.g. 512MB or 2GiB")
        }
        return bytes
    }
}
