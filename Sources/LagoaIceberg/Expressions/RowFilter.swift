import LagoaColumnar

/// Evaluates a bound filter row by row (SQL semantics: a comparison with null is not true).
struct RowFilter {
    let expression: BoundExpression

    init(_ expression: BoundExpression) {
        self.expression = expression.withoutNot
    }

    /// Which rows of `batch` match. Columns are found by field id, so `batch` may be any projection
    /// that includes the filtered columns.
    func matches(_ batch: RecordBatch) throws(IcebergError) -> [Bool] {
        var cache: [Int32: [IcebergValue?]] = [:]
        return try evaluate(expression, batch, &cache)
    }

    private func evaluate(_ e: BoundExpression, _ batch: RecordBatch, _ cache: inout [Int32: [IcebergValue?]]) throws(IcebergError) -> [Bool] {
        let n = batch.rowCount
        switch e {
        case .alwaysTrue: return [Bool](repeating: true, count: n)
        case .alwaysFalse: return [Bool](repeating: false, count: n)
        case .and(let a, let b):
            let left = try evaluate(a, batch, &cache)
            let right = try evaluate(b, batch, &cache)
            return zip(left, right).map { $0 && $1 }
        case .or(let a, let b):
            let left = try evaluate(a, batch, &cache)
            let right = try evaluate(b, batch, &cache)
            return zip(left, right).map { $0 || $1 }
        case .not(let inner):
            return try evaluate(inner, batch, &cache).map { !$0 }
        case .isNull(let r): return try values(r, batch, &cache).map { $0 == nil }
        case .notNull(let r): return try values(r, batch, &cache).map { $0 != nil }
        case .compare(let r, let op, let literal):
            return try values(r, batch, &cache).map { v in
                guard let v, let c = v.compare(to: literal) else { return false }
                return Self.holds(op, c)
            }
        case .isIn(let r, let set):
            return try values(r, batch, &cache).map { v in
                guard let v else { return false }
                return set.contains { v.compare(to: $0) == 0 }
            }
        }
    }

    static func holds(_ op: IcebergExpression.Operator, _ c: Int) -> Bool {
        switch op {
        case .equal: c == 0
        case .notEqual: c != 0
        case .less: c < 0
        case .lessOrEqual: c <= 0
        case .greater: c > 0
        case .greaterOrEqual: c >= 0
        }
    }

    private func values(_ r: BoundReference, _ batch: RecordBatch, _ cache: inout [Int32: [IcebergValue?]]) throws(IcebergError) -> [IcebergValue?] {
        if let found = cache[r.fieldID] { return found }
        guard let column = Self.column(id: r.fieldID, in: batch) else {
            throw IcebergError(.internal, "filter column '\(r.name)' is not in the rows read; this is a bug, please report it")
        }
        let out = (0..<batch.rowCount).map { IcebergValue.from(column, $0, r.type) }
        cache[r.fieldID] = out
        return out
    }

    /// The column with field id `id`, at the top level or inside structs (nulls of a struct parent
    /// become nulls of the child).
    static func column(id: Int32, in batch: RecordBatch) -> Column? {
        func search(_ fields: [Field], _ columns: [Column]) -> Column? {
            for (field, column) in zip(fields, columns) {
                if field.id == id { return column }
                if case .struct(let children) = field.type {
                    let sliced = column.children.map { $0.slice(column.offset, column.count) }
                    if let found = search(children, sliced) {
                        guard column.nullCount > 0 else { return found }
                        let rows = (0..<column.count).map { $0 }
                        let merged = found.take(rows)
                        return maskNulls(merged, parent: column)
                    }
                }
            }
            return nil
        }
        return search(batch.schema.fields, batch.columns)
    }

    private static func maskNulls(_ child: Column, parent: Column) -> Column {
        let builder = ColumnBuilder(child.type, capacity: child.count)
        for i in 0..<child.count {
            builder.append(parent.isValid(i) ? child.value(at: i) : .null)
        }
        return builder.finish()
    }
}
