import LagoaColumnar
import LagoaExecution
import LagoaFunctions
import LagoaPlanner
import LagoaSQL

/// A query planned and ready to run.
struct PlannedQuery {
    var plan: LogicalPlan
    var names: [String]
}

/// A query's rows.
struct QueryRows {
    var schema: Schema
    var batches: [RecordBatch]
    var rowCount: Int { batches.reduce(0) { $0 + $1.rowCount } }
}

extension StatementRunner {
    /// Binds and optimizes `query`.
    func planQuery(_ query: Query) async throws -> PlannedQuery {
        let binder = Binder(catalog: provider, registry: .builtins, sql: sql, parseView: Self.parseView)
        let bound: BoundQuery
        do {
            bound = try await binder.bind(query)
        } catch var error as PlannerError {
            throw located(&error)
        }
        let optimized = try Optimizer().optimize(bound.plan, ids: binder.ids)
        return PlannedQuery(plan: optimized, names: bound.names)
    }

    /// Parses a stored view's text.
    static let parseView: @Sendable (String) throws -> Query = { text in
        guard case .query(let query) = try Parser.parseStatement(text) else {
            throw EngineError(.invalidInput, "a view's definition must be a query: \(text)")
        }
        return query
    }

    /// Adds the statement position and an excerpt with a caret to a planner error.
    func located(_ error: inout PlannerError) -> PlannerError {
        guard let span = error.span, span.lowerBound <= sql.utf8.count else { return error }
        let source = SourceSpan(start: span.lowerBound, end: span.upperBound)
        let location = source.location(in: sql)
        error.message += " (line \(location.line), column \(location.column))\n" + SQLSyntaxError.excerpt(of: source, in: sql)
        error.span = nil
        return error
    }

    /// Plans, runs and collects a query; the result columns carry the query's names.
    func runQuery(_ query: Query) async throws -> QueryRows {
        let planned = try await planQuery(query)
        return try await execute(planned)
    }

    func execute(_ planned: PlannedQuery) async throws -> QueryRows {
        let physical = try await PhysicalPlanner(context: context).plan(planned.plan)
        let batches = try await PartitionRunner.collect(physical, context: context)
        let schema = Schema(zip(physical.schema.fields, planned.names).map { field, name in
            Field(name, field.type, nullable: field.nullable)
        })
        return QueryRows(schema: schema, batches: batches.map { BatchConcatenation.relabel($0, schema) })
    }

    /// `EXPLAIN` (logical and physical plans) and `EXPLAIN ANALYZE` (runs it; rows, time, pruning).
    func explain(_ statement: Statement, analyze: Bool) async throws -> QueryResult {
        guard case .query(let query) = statement else {
            throw EngineError(.unsupported, "EXPLAIN supports queries; run the statement itself to see what it does")
        }
        let planned = try await planQuery(query)
        let physical = try await PhysicalPlanner(context: context).plan(planned.plan)
        var text: String
        if analyze {
            let rows = try await PartitionRunner.collect(physical, context: context).reduce(0) { $0 + $1.rowCount }
            text = ExplainRenderer.render(plan: physical, analyze: true) + "\n\(rows) row\(rows == 1 ? "" : "s")"
        } else {
            text = "Logical plan:\n" + planned.plan.explainText() + "\nPhysical plan:\n" + ExplainRenderer.render(plan: physical, analyze: false)
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return Self.textResult(name: "plan", lines: lines)
    }

    /// One string column, one row per line.
    static func textResult(name: String, lines: [String]) -> QueryResult {
        let builder = ColumnBuilder(.string, capacity: lines.count)
        for line in lines { builder.appendString(line) }
        let schema = Schema([Field(name, .string, nullable: false)])
        let batch = RecordBatch(schema: schema, columns: [builder.finish()], rowCount: lines.count)
        return QueryResult(schema: schema, batches: [batch], statusTag: "EXPLAIN", rowCount: lines.count, elapsedSeconds: 0)
    }
}
