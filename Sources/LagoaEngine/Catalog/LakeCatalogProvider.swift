import LagoaColumnar
import LagoaCSV
import LagoaExecution
import LagoaFunctions
import LagoaIceberg
import LagoaObjectStore
import LagoaPlanner

/// The binder's view of a Lagoa catalog: Iceberg tables by 1–3 part names relative to the session's
/// namespace, views kept in namespace properties, and files read by path.
struct LakeCatalogProvider: CatalogProvider {
    let catalog: Catalog
    let defaultNamespace: [String]
    /// Partitions file scans aim for.
    let targetPartitions: Int

    func resolveTable(_ name: [String], timeTravel: TimeTravel?) async throws -> ResolvedTable? {
        guard let identifier = try? TableNames.identifier(name, defaultNamespace: defaultNamespace) else { return nil }
        let table: Table
        do {
            table = try await catalog.loadTable(identifier)
        } catch {
            guard error.code == .notFound else { throw error }
            return nil
        }
        let selector = try selector(for: timeTravel)
        let canonical = identifier.namespace.levels + [identifier.name]
        let source = try await IcebergTableSource(table: table, selector: selector, name: canonical.joined(separator: ".")).withStatistics()
        return ResolvedTable(canonicalName: canonical, source: source)
    }

    private func selector(for timeTravel: TimeTravel?) throws -> SnapshotSelector {
        switch timeTravel {
        case nil: return .current
        case .version(let id): return .id(id)
        case .ref(let name): return .ref(name)
        case .timestampMillis(let millis): return .asOf(millis)
        case .timestamp(let text):
            let column = try Cast.cast(.scalar(.string(text), .string), to: .timestamp(.microsecond, timeZone: nil), isTry: false, rowCount: 1)
            guard case .timestamp(let micros, _, _) = column.value(at: 0) else {
                throw EngineError(.invalidInput, "FOR TIMESTAMP AS OF '\(text)' is not a timestamp; write e.g. '2026-11-20 10:00:00'")
            }
            return .asOf(micros / 1000)
        }
    }

    func tableFunction(_ name: String, arguments: [Value], named: [String: Value]) async throws -> (any TableSource)? {
        let format: FileFormat?
        switch name.lowercased() {
        case "read_parquet": format = .parquet
        case "read_csv", "read_csv_auto": format = .csv(try Self.csvOptions(named))
        case "read_json", "read_json_auto", "read_ndjson": format = .json
        case "read_auto": format = nil
        default: return nil
        }
        guard arguments.count == 1, case .string(let path) = arguments[0] else {
            throw EngineError(.invalidInput, "\(name) takes one path or glob as a string, e.g. \(name)('data/*.parquet')")
        }
        let (store, pattern) = try FilePaths.storeAndPattern(path)
        return try await FileTableSource(store: store, pattern: pattern, format: format, displayName: "\(name)('\(path)')", targetPartitions: targetPartitions)
    }

    private static func csvOptions(_ named: [String: Value]) throws -> CSVReadOptions {
        var options = CSVReadOptions()
        for (key, value) in named {
            switch (key.lowercased(), value) {
            case ("header", .bool(let flag)): options.hasHeader = flag
            case ("delim", .string(let text)), ("sep", .string(let text)), ("delimiter", .string(let text)):
                guard let byte = text.utf8.first, text.utf8.count == 1 else {
                    throw EngineError(.invalidInput, "read_csv: delim must be one character, not '\(text)'")
                }
                options.delimiter = Character(Unicode.Scalar(byte))
            default:
                throw EngineError(.invalidInput, "read_csv: unknown option \(key); known: header, delim")
            }
        }
        return options
    }

    func view(_ name: [String]) async throws -> ViewDefinition? {
        try await ViewStore(catalog: catalog).view(name, defaultNamespace: defaultNamespace)
    }

    func tableNames() async -> [[String]] {
        var names: [[String]] = []
        var pending: [Namespace?] = [nil]
        while let parent = pending.popLast() {
            guard let children = try? await catalog.listNamespaces(under: parent) else { continue }
            for namespace in children {
                pending.append(namespace)
                if let tables = try? await catalog.listTables(in: namespace) {
                    names += tables.map { namespace.levels + [$0.name] }
                }
                if let views = try? await ViewStore(catalog: catalog).viewNames(in: namespace) {
                    names += views.map { namespace.levels + [$0] }
                }
            }
        }
        return names
    }
}
