import LagoaFunctions

extension LogicalPlan {
    /// The plan as an indented tree, one node per line, two spaces per level, expressions as SQL-ish
    /// text. Stable: tests compare it verbatim.
    ///
    /// ```
    /// Sort: revenue DESC
    ///   Aggregate: groupBy=[n_name] aggregates=[sum(l_extendedprice) AS revenue]
    ///     Join[inner]: o_orderkey = l_orderkey
    ///       Scan: lineitem columns=[l_orderkey, l_extendedprice]
    ///       Scan: orders columns=[o_orderkey] filters=[o_orderdate >= DATE '1994-01-01']
    /// ```
    public func explainText() -> String {
        var lines: [String] = []
        appendExplain(to: &lines, depth: 0)
        return lines.joined(separator: "\n")
    }

    private func appendExplain(to lines: inout [String], depth: Int) {
        let indent = String(repeating: "  ", count: depth)
        lines.append(indent + explainLine)
        // Subqueries still inside expressions are shown under their node, marked.
        for sub in subqueries {
            lines.append(indent + "  Subquery:")
            sub.appendExplain(to: &lines, depth: depth + 2)
        }
        for input in inputs { input.appendExplain(to: &lines, depth: depth + 1) }
    }

    /// The one-line description of this node alone.
    public var explainLine: String {
        switch self {
        case .scan(let n):
            var line = "Scan: \(n.source.displayName) columns=[\(n.output.map(\.name).joined(separator: ", "))]"
            if !n.filters.isEmpty { line += " filters=[\(n.filters.map(\.sqlText).joined(separator: ", "))]" }
            if let limit = n.limit { line += " limit=\(limit)" }
            return line
        case .values(let n):
            return "Values: columns=[\(n.output.map(\.name).joined(separator: ", "))] rows=\(n.rows.count)"
        case .empty(let n):
            return n.oneRow ? "EmptyRelation: one row" : "EmptyRelation: no rows"
        case .filter(let n):
            return "Filter: \(n.predicate.sqlText)"
        case .project(let n):
            return "Projection: " + zip(n.expressions, n.output).map { Self.named($0, $1) }.joined(separator: ", ")
        case .aggregate(let n):
            var line = "Aggregate: groupBy=[\(zip(n.groupBy, n.groupOutput).map { Self.named($0, $1) }.joined(separator: ", "))]"
            if let sets = n.groupingSets {
                line += " sets=[" + sets.map { "(" + $0.map { n.groupOutput[$0].name }.joined(separator: ", ") + ")" }.joined(separator: ", ") + "]"
            }
            line += " aggregates=[\(n.aggregates.map(Self.aggregateText).joined(separator: ", "))]"
            return line
        case .join(let n):
            var parts: [String] = n.equiKeys.map { "\($0.left.sqlText) = \($0.right.sqlText)" }
            if let filter = n.filter { parts.append(parts.isEmpty ? filter.sqlText : "filter=\(filter.sqlText)") }
            if let mark = n.mark { parts.append("mark=\(mark.name)") }
            let kind = n.nullAware ? "\(n.kind.rawValue), null-aware" : n.kind.rawValue
            return "Join[\(kind)]" + (parts.isEmpty ? "" : ": " + parts.joined(separator: " "))
        case .sort(let n):
            return "Sort: " + n.keys.map(Self.sortKeyText).joined(separator: ", ") + (n.fetch.map { " fetch=\($0)" } ?? "")
        case .limit(let n):
            return "Limit: " + (n.limit.map(String.init) ?? "none") + (n.offset > 0 ? " offset=\(n.offset)" : "")
        case .window(let n):
            return "Window: " + n.functions.map(Self.windowText).joined(separator: ", ")
        case .setOperation(let n):
            return "\(n.kind.rawValue.uppercased())\(n.all ? " ALL" : ""): columns=[\(n.output.map(\.name).joined(separator: ", "))]"
        }
    }

    private static func named(_ expr: Expr, _ column: ColumnRef) -> String {
        if case .column(let c) = expr, c.name == column.name { return c.name }
        return "\(expr.sqlText) AS \(column.name)"
    }

    static func sortKeyText(_ key: SortKey) -> String {
        var text = key.expr.sqlText + (key.ascending ? " ASC" : " DESC")
        if key.nullsFirst != !key.ascending { text += key.nullsFirst ? " NULLS FIRST" : " NULLS LAST" }
        return text
    }

    private static func aggregateText(_ call: AggregateCall) -> String {
        var args = call.arguments.map(\.sqlText).joined(separator: ", ")
        var function = call.function
        if args.isEmpty, call.function == "count" || call.function == "count_star" {
            args = "*"
            function = "count"
        }
        var text = "\(function)(\(call.distinct ? "DISTINCT " : "")\(args)"
        if !call.orderBy.isEmpty { text += " ORDER BY " + call.orderBy.map(sortKeyText).joined(separator: ", ") }
        text += ")"
        if let filter = call.filter { text += " FILTER (WHERE \(filter.sqlText))" }
        return text == call.output.name ? text : text + " AS \(call.output.name)"
    }

    private static func windowText(_ call: WindowCall) -> String {
        var over: [String] = []
        if !call.partitionBy.isEmpty { over.append("PARTITION BY " + call.partitionBy.map(\.sqlText).joined(separator: ", ")) }
        if !call.orderBy.isEmpty { over.append("ORDER BY " + call.orderBy.map(sortKeyText).joined(separator: ", ")) }
        over.append(frameText(call.frame))
        let args = call.arguments.map(\.sqlText).joined(separator: ", ")
        let head = "\(call.function)(\(call.distinct ? "DISTINCT " : "")\(args))"
        return "\(head) OVER (\(over.joined(separator: " ")))" + (head == call.output.name ? "" : " AS \(call.output.name)")
    }

    private static func frameText(_ frame: WindowFrame) -> String {
        func bound(_ b: FrameBound) -> String {
            switch b {
            case .unboundedPreceding: "UNBOUNDED PRECEDING"
            case .preceding(let e): "\(e.sqlText) PRECEDING"
            case .currentRow: "CURRENT ROW"
            case .following(let e): "\(e.sqlText) FOLLOWING"
            case .unboundedFollowing: "UNBOUNDED FOLLOWING"
            }
        }
        return "\(frame.units.rawValue.uppercased()) BETWEEN \(bound(frame.start)) AND \(bound(frame.end))"
    }
}
