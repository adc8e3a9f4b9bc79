import LagoaColumnar
import LagoaFunctions
import LagoaSQL

/// Where an expression is being bound: the visible columns, the clause (for messages), and the
/// collectors that turn aggregate and window calls into columns of the nodes built afterwards.
struct ExpressionContext {
    var scope: Scope
    /// `WHERE`, `SELECT`, `HAVING`… as used in "not allowed in …" messages.
    var clause: String
    /// Present where aggregates are allowed (SELECT, HAVING, ORDER BY, QUALIFY of a SELECT).
    var aggregates: AggregateCollector? = nil
    /// Present where window functions are allowed (SELECT, ORDER BY, QUALIFY).
    var windows: WindowCollector? = nil
    /// Maps input columns to group columns after aggregation; applied to window call arguments.
    var groupify: ((Expr, Expression) throws -> Expr)? = nil
    /// Select-list aliases usable by name where no column has that name (HAVING, QUALIFY, ORDER BY).
    var selectAliases: [String: Expr] = [:]
}

/// The aggregate calls of one SELECT, deduplicated.
final class AggregateCollector {
    /// The FROM clause's scope, where aggregate arguments are bound.
    let inputScope: Scope
    private(set) var calls: [AggregateCall] = []
    private var byKey: [String: ColumnRef] = [:]
    /// The GROUP BY expressions, which `GROUPING(…)` arguments must be.
    var groupBy: [Expr] = []
    /// The grouping-id column (bit i set where `groupBy[i]` is aggregated away), made when
    /// `GROUPING(…)` is used.
    private(set) var groupingID: ColumnRef? = nil

    init(inputScope: Scope) { self.inputScope = inputScope }

    /// The grouping-id column, made on first use.
    func groupingIDColumn(_ ids: ColumnIDGenerator) -> ColumnRef {
        if let groupingID { return groupingID }
        let column = ids.make("grouping_id", .int64)
        groupingID = column
        return column
    }

    /// The output column of `call`, reusing an identical earlier call's.
    func add(_ call: AggregateCall) -> ColumnRef {
        var keyed = call
        keyed.output = ColumnRef(id: 0, name: "", type: call.output.type)
        let key = String(describing: (keyed.function, keyed.arguments, keyed.distinct, keyed.filter, keyed.orderBy))
        if let existing = byKey[key] { return existing }
        byKey[key] = call.output
        calls.append(call)
        return call.output
    }
}

/// The window calls of one SELECT, and its named windows.
final class WindowCollector {
    var named: [String: WindowSpec]
    private(set) var calls: [WindowCall] = []

    init(named: [String: WindowSpec]) { self.named = named }

    func add(_ call: WindowCall) -> ColumnRef {
        calls.append(call)
        return call.output
    }
}
