/// Decides from partition values whether a file (or a whole manifest) might hold matching rows,
/// by projecting the filter through each partition field's transform (spec "Scan Planning").
struct PartitionEvaluator {
    private let expression: BoundExpression
    private let spec: PartitionSpec
    /// The partition tuple's field types, in spec order.
    private let types: [IcebergType]

    init(_ expression: BoundExpression, spec: PartitionSpec, schema: IcebergSchema) throws(IcebergError) {
        self.expression = expression.withoutNot
        self.spec = spec
        self.types = try spec.partitionType(schema).fields.map(\.type)
    }

    /// False only when no row in a file with partition `tuple` can match.
    func mightMatch(_ tuple: PartitionTuple) -> Bool {
        evaluate(expression) { index, op in
            let value = index < tuple.count ? tuple[index] : nil
            return Self.test(op, value)
        } combineLeaf: { $0.allSatisfy { $0 } }
    }

    /// True only when every row in a file with partition `tuple` matches (identity fields only).
    func allMatch(_ tuple: PartitionTuple) -> Bool {
        strict(expression, tuple)
    }

    /// False only when no file summarised by `summaries` can hold matching rows.
    func mightMatch(_ summaries: [ManifestFile.FieldSummary]) -> Bool {
        evaluate(expression) { index, op in
            guard index < summaries.count else { return true }
            let summary = summaries[index]
            let lower = summary.lowerBound.flatMap { try? IcebergValue(binary: $0, type: types[index]) }
            let upper = summary.upperBound.flatMap { try? IcebergValue(binary: $0, type: types[index]) }
            switch op {
            case .isNull: return summary.containsNull
            case .notNull: return lower != nil || upper != nil || !summary.containsNull
            case .compare(let o, let v):
                guard let lower, let upper else { return summary.containsNull ? false : true }
                switch o {
                case .equal: return (lower.compare(to: v) ?? -1) <= 0 && (upper.compare(to: v) ?? 1) >= 0
                case .less, .lessOrEqual: return (lower.compare(to: v) ?? -1) <= 0
                case .greater, .greaterOrEqual: return (upper.compare(to: v) ?? 1) >= 0
                case .notEqual: return true
                }
            case .isIn(let vs):
                guard let lower, let upper else { return true }
                return vs.contains { (lower.compare(to: $0) ?? -1) <= 0 && (upper.compare(to: $0) ?? 1) >= 0 }
            }
        } combineLeaf: { $0.allSatisfy { $0 } }
    }

    /// A predicate on one partition field, after projection.
    enum Projected {
        case isNull
        case notNull
        case compare(IcebergExpression.Operator, IcebergValue)
        case isIn([IcebergValue])
    }

    private func evaluate(
        _ e: BoundExpression,
        _ test: (Int, Projected) -> Bool,
        combineLeaf: ([Bool]) -> Bool
    ) -> Bool {
        switch e {
        case .alwaysTrue, .not: return true
        case .alwaysFalse: return false
        case .and(let a, let b): return evaluate(a, test, combineLeaf: combineLeaf) && evaluate(b, test, combineLeaf: combineLeaf)
        case .or(let a, let b): return evaluate(a, test, combineLeaf: combineLeaf) || evaluate(b, test, combineLeaf: combineLeaf)
        case .isNull(let r), .notNull(let r), .compare(let r, _, _), .isIn(let r, _):
            var results: [Bool] = []
            for (index, field) in spec.fields.enumerated() where field.sourceID == r.fieldID {
                guard let projected = Self.project(e, field.transform) else { continue }
                results.append(test(index, projected))
            }
            return combineLeaf(results)
        }
    }

    /// The inclusive projection of a leaf predicate through `transform`, nil when it says nothing.
    static func project(_ e: BoundExpression, _ transform: Transform) -> Projected? {
        if transform == .void { return nil }
        switch e {
        case .isNull: return .isNull
        case .notNull: return .notNull
        case .compare(_, let op, let v):
            guard let t = try? transform.apply(v) else { return nil }
            switch (transform, op) {
            case (.identity, _): return .compare(op, v)
            case (.bucket, .equal): return .compare(.equal, t)
            case (.bucket, _): return nil
            case (_, .notEqual): return nil
            case (_, .less): return .compare(.lessOrEqual, t)
            case (_, .greater): return .compare(.greaterOrEqual, t)
            default: return .compare(op, t)
            }
        case .isIn(_, let vs):
            var out: [IcebergValue] = []
            for v in vs {
                guard let t = try? transform.apply(v) else { return nil }
                out.append(t)
            }
            return .isIn(out)
        default: return nil
        }
    }

    static func test(_ op: Projected, _ value: IcebergValue?) -> Bool {
        switch op {
        case .isNull: return value == nil
        case .notNull: return value != nil
        case .compare(let o, let v):
            guard let value, let c = value.compare(to: v) else { return false }
            return RowFilter.holds(o, c)
        case .isIn(let vs):
            guard let value else { return false }
            return vs.contains { value.compare(to: $0) == 0 }
        }
    }

    private func strict(_ e: BoundExpression, _ tuple: PartitionTuple) -> Bool {
        switch e {
        case .alwaysTrue: return true
        case .alwaysFalse, .not: return false
        case .and(let a, let b): return strict(a, tuple) && strict(b, tuple)
        case .or(let a, let b): return strict(a, tuple) || strict(b, tuple)
        case .isNull(let r), .notNull(let r), .compare(let r, _, _), .isIn(let r, _):
            guard let index = spec.fields.firstIndex(where: { $0.sourceID == r.fieldID && $0.transform == .identity }),
                index < tuple.count, let projected = Self.project(e, .identity)
            else { return false }
            return Self.test(projected, tuple[index])
        }
    }
}
