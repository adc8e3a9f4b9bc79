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
        if let memoryLimit { _ = try ByteSize.parse(memoryLimit, option: "--memory-limit") }
    }

    /// Opens the catalog and an engine over it.
    func makeEngine(_ lake: LakeOptions) throws -> Engine {
        let catalog = try lake.open()
        let options = EngineOptions(
            threads: threads,
            memoryLimit: try memoryLimit.map { try ByteSize.parse($0, option: "--memory-limit") },
            defaultNamespace: namespace.map { $0.split(separator: ".").map(String.init) } ?? ["main"]
        )
        return Engine(catalog: catalog, options: options)
    }
}

/// Byte counts as users write them: `1048576`, `512MB`, `2GiB`, `1.5 GB`.
enum ByteSize {
    static func parse(_ text: String, option: String) throws -> Int {
        let trimmed = text.filter { $0 != " " && $0 != "_" }.lowercased()
        let digits = trimmed.prefix { $0.isNumber || $0 == "." }
        let unit = trimmed.dropFirst(digits.count)
        let factors: [String: Double] = [
            "": 1, "b": 1, "k": 1e3, "kb": 1e3, "kib": 1024, "m": 1e6, "mb": 1e6, "mib": 1_048_576,
            "g": 1e9, "gb": 1e9, "gib": 1_073_741_824, "t": 1e12, "tb": 1e12, "tib": 1_099_511_627_776,
        ]
        guard let number = Double(digits), let factor = factors[String(unit)], number > 0 else {
            throw ValidationError("\(option) '\(text)' is not a size; write e.g. 512MB or 2GiB")
        }
        return Int(number * factor)
    }
}
