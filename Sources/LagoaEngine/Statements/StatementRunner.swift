import Synchronization
import LagoaColumnar
import LagoaCore
import LagoaExecution
import LagoaFunctions
import LagoaIceberg
import LagoaPlanner
import LagoaSQL

/// Runs one parsed statement of a session.
struct StatementRunner {
    let session: Session
    /// The whole script the statement came from (spans point into it).
    let sql: String
    let context: TaskContext

    var catalog: Catalog { session.engine.catalog }
    var namespace: [String] { session.currentNamespace }

    var provider: LakeCatalogProvider {
        LakeCatalogProvider(catalog: catalog, defaultNamespace: namespace, targetPartitions: max(2, context.threads * 2))
    }

    func run(_ statement: Statement) async throws -> QueryResult {
        switch statement {
        case .query(let query):
            let result = try await runQuery(query)
            return QueryResult(schema: result.schema, batches: result.batches, statusTag: "SELECT \(result.rowCount)", rowCount: result.rowCount, elapsedSeconds: 0)
        case .explain(let analyze, let inner):
            return try await explain(inner, analyze: analyze)
        case .createSchema(let name, let ifNotExists):
            return try await createSchema(name, ifNotExists: ifNotExists)
        case .showTables(let namespace):
            return try await showTables(namespace)
        case .showSchemas:
            return try await showSchemas()
        case .describeTable(let name):
            return try await describeTable(name)
        case .describeQuery(let query):
            let planned = try await planQuery(query)
            return describe(planned.plan.output.enumerated().map { Field(planned.names[$0.offset], $0.element.type, nullable: $0.element.nullable) })
        case .use(let name):
            let levels = name.parts.map(\.value)
            _ = try await catalog.namespaceProperties(try Namespace(levels))
            session.state.withLock { $0.namespace = levels }
            return .status("USE")
        case .set(let name, let value):
            return try set(name, value)
        case .createTable(let create):
            return try await createTable(create)
        case .createView(let create):
            return try await createView(create)
        case .drop(let drop):
            return try await self.drop(drop)
        case .alterTable(let alter):
            return try await alterTable(alter)
        case .insert(let insert):
            return try await self.insert(insert)
        case .delete(let delete):
            return try await self.delete(delete)
        case .update(let update):
            return try await self.update(update)
        case .merge(let merge):
            return try await self.merge(merge)
        }
    }

    /// The text of `span` in the script.
    func text(_ span: SourceSpan) -> String {
        let bytes = Array(sql.utf8)
        return String(decoding: bytes[min(span.start, bytes.count)..<min(span.end, bytes.count)], as: UTF8.self)
    }
}

extension QueryResult {
    /// A statement without rows.
    static func status(_ tag: String, rows: Int = 0) -> QueryResult {
        QueryResult(schema: Schema([]), batches: [], statusTag: tag, rowCount: rows, elapsedSeconds: 0)
    }
}
