import Synchronization
import LagoaColumnar
import LagoaIceberg
import LagoaPlanner
import LagoaSQL
import LagoaCore

extension StatementRunner {
    func createSchema(_ name: QualifiedName, ifNotExists: Bool) async throws -> QueryResult {
        let namespace = try Namespace(name.parts.map(\.value))
        do {
            try await catalog.createNamespace(namespace)
        } catch {
            if !(ifNotExists && error.code == .alreadyExists) { throw error }
        }
        return .status("CREATE SCHEMA")
    }

    /// `SHOW TABLES [IN ns]`: one `name` column, tables and views of the namespace, sorted.
    func showTables(_ name: QualifiedName?) async throws -> QueryResult {
        let namespace = try TableNames.namespace(name.map { $0.parts.map(\.value) }, defaultNamespace: self.namespace)
        var names: [String] = []
        do {
            names = try await catalog.listTables(in: namespace).map(\.name)
            names += try await ViewStore(catalog: catalog).viewNames(in: namespace)
        } catch let error as IcebergError where error.code == .notFound && name == nil {
            names = []
        }
        return Self.stringResult(["name"], rows: names.sorted().map { [$0] }, tag: "SHOW TABLES")
    }

    /// `SHOW SCHEMAS`: every namespace, dotted.
    func showSchemas() async throws -> QueryResult {
        var all: [String] = []
        var pending: [Namespace?] = [nil]
        while let parent = pending.popLast() {
            for namespace in try await catalog.listNamespaces(under: parent) {
                all.append(namespace.dotted)
                pending.append(namespace)
            }
        }
        return Self.stringResult(["name"], rows: all.sorted().map { [$0] }, tag: "SHOW SCHEMAS")
    }

    /// `DESCRIBE t`: column_name, column_type, null.
    func describeTable(_ name: QualifiedName) async throws -> QueryResult {
        let parts = name.parts.map(\.value)
        if let resolved = try await provider.resolveTable(parts, timeTravel: nil) {
            return describe(resolved.source.schema.fields)
        }
        if let view = try await provider.view(parts) {
            let planned = try await planQuery(try Self.parseView(view.sql))
            let names = view.columnNames.isEmpty ? planned.names : view.columnNames
            return describe(planned.plan.output.enumerated().map { Field(names[$0.offset], $0.element.type, nullable: $0.element.nullable) })
        }
        throw try await unknownTable(name)
    }

    func describe(_ fields: [Field]) -> QueryResult {
        Self.stringResult(
            ["column_name", "column_type", "null"],
            rows: fields.map { [$0.name, SQLTypeNames.name($0.type), $0.nullable ? "YES" : "NO"] },
            tag: "DESCRIBE"
        )
    }

    /// A table the statement names does not exist: the binder's message, with the same suggestions.
    func unknownTable(_ name: QualifiedName) async throws -> any Error {
        let parts = name.parts.map(\.value)
        let candidates = await provider.tableNames().map { $0.suffix(parts.count).joined(separator: ".") }
        var error = PlannerError(
            .unknownTable, "table \"\(name)\" does not exist" + Suggestions.didYouMean(name.description, among: candidates), span: name.span.range)
        return located(&error)
    }

    func set(_ name: QualifiedName, _ value: Expression) throws -> QueryResult {
        let key = name.parts.map(\.value).joined(separator: ".")
        let text = self.text(value.span).trimmingQuotes()
        switch key {
        case "threads":
            guard let n = Int(text), n >= 1 else { throw EngineError(.invalidInput, "SET threads needs a positive integer, not \(text)") }
            session.state.withLock { $0.options.threads = n }
        case "memory_limit":
            guard let bytes = ByteSize.parse(text) else { throw EngineError(.invalidInput, "SET memory_limit needs a size such as '512MB', not \(text)") }
            session.state.withLock { $0.options.memoryLimit = bytes }
        case "search_path", "schema":
            session.state.withLock { $0.namespace = text.split(separator: ".").map(String.init) }
        default:
            throw EngineError(.invalidInput, "unknown setting \(key); known: threads, memory_limit, schema")
        }
        return .status("SET")
    }

    /// A result of string columns.
    static func stringResult(_ names: [String], rows: [[String]], tag: String) -> QueryResult {
        let schema = Schema(names.map { Field($0, .string, nullable: false) })
        let builders = names.map { _ in ColumnBuilder(.string, capacity: rows.count) }
        for row in rows {
            for (k, cell) in row.enumerated() { builders[k].appendString(cell) }
        }
        let batch = RecordBatch(schema: schema, columns: builders.map { $0.finish() }, rowCount: rows.count)
        return QueryResult(schema: schema, batches: [batch], statusTag: tag, rowCount: rows.count, elapsedSeconds: 0)
    }
}

extension String {
    /// Without surrounding single quotes.
    func trimmingQuotes() -> String {
        if count >= 2, first == "'", last == "'" { return String(dropFirst().dropLast()) }
        return self
    }
}
