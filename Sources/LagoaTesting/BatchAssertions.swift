public import LagoaColumnar

/// Table-diff helpers: compare batches value by value and render both sides as aligned text when
/// they differ (DataFusion's batch assertions).
public enum BatchComparison {
    /// `nil` when `actual` holds the same schema types (list element names aside) and identical
    /// values (NaN equals NaN, -0.0 differs from 0.0) as `expected`, batch boundaries ignored; otherwise a message showing both tables and the first differing cell.
    public static func difference(expected: [RecordBatch], actual: [RecordBatch]) -> String? {
        let e = rows(expected)
        let a = rows(actual)
        let formatter = TableFormatter(maxRows: 30)
        func render(_ batches: [RecordBatch]) -> String {
            guard let schema = batches.first?.schema else { return "(no batches)" }
            return formatter.format(schema, batches)
        }
        var problem: String? = nil
        if let es = expected.first?.schema, let as_ = actual.first?.schema,
           es.fields.map(\.type.ignoringChildNames) != as_.fields.map(\.type.ignoringChildNames) {
            problem = "types differ: expected \(es.fields.map(\.type)), actual \(as_.fields.map(\.type))"
        } else if e.count != a.count {
            problem = "row counts differ: expected \(e.count), actual \(a.count)"
        } else {
            for (r, (er, ar)) in zip(e, a).enumerated() where !zip(er, ar).allSatisfy({ $0.isIdentical(to: $1) }) {
                let c = zip(er, ar).enumerated().first { !$0.element.0.isIdentical(to: $0.element.1) }?.offset ?? 0
                problem = "row \(r), column \(c): expected \(er[c]), actual \(ar[c])"
                break
            }
        }
        guard let problem else { return nil }
        return "\(problem)\nexpected:\n\(render(expected))\nactual:\n\(render(actual))"
    }

    /// All rows of `batches` as values.
    public static func rows(_ batches: [RecordBatch]) -> [[Value]] {
        batches.flatMap { b in (0..<b.rowCount).map { b.row($0) } }
    }
}
