public import LagoaColumnar
public import LagoaFunctions

/// `CASE WHEN c1 THEN v1 … ELSE e END`. Each branch value is evaluated only on the rows whose
/// condition chose it (so `CASE WHEN x <> 0 THEN 1 / x END` never divides by zero); the pieces are
/// then gathered back into row order.
public struct CaseExpr: PhysicalExpr {
    public let branches: [(condition: any PhysicalExpr, value: any PhysicalExpr)]
    public let elseValue: any PhysicalExpr
    public let type: DataType

    public init(branches: [(condition: any PhysicalExpr, value: any PhysicalExpr)], elseValue: any PhysicalExpr, type: DataType) {
        self.branches = branches
        self.elseValue = elseValue
        self.type = type
    }

    public func evaluate(_ batch: RecordBatch) throws -> ColumnarValue {
        let n = batch.rowCount
        // Rows still undecided, as indices into `batch`; `nil` means all rows (no gather needed).
        var remaining: [Int32]? = nil
        var current = batch
        var pieces: [(rows: [Int32]?, value: ColumnarValue)] = []
        for branch in branches {
            if current.rowCount == 0 { break }
            let condition = try branch.condition.evaluate(current)
            let chosen: [Int32]?
            switch condition {
            case .scalar(let value, _):
                guard case .bool(true) = value else { continue }
                chosen = nil
            case .column(let mask):
                let count = Selection.countTrue(mask)
                if count == 0 { continue }
                chosen = count == current.rowCount ? nil : Selection.indices(of: mask)
            }
            guard let chosen else {
                // Every remaining row takes this branch.
                pieces.append((remaining, try branch.value.evaluate(current)))
                current = current.slice(0, 0)
                remaining = []
                break
            }
            let subset = Gather.batch(current, chosen)
            let original = remaining.map { r in chosen.map { r[Int($0)] } } ?? chosen
            pieces.append((original, try branch.value.evaluate(subset)))
            let rest = Self.complement(chosen, count: current.rowCount)
            current = Gather.batch(current, rest)
            remaining = remaining.map { r in rest.map { r[Int($0)] } } ?? rest
        }
        if current.rowCount > 0 || pieces.isEmpty {
            pieces.append((remaining, try elseValue.evaluate(current)))
        }
        if pieces.count == 1, pieces[0].rows == nil { return pieces[0].value }
        return .column(Self.assemble(pieces, rowCount: n, type: type))
    }

    /// Indices in `0..<count` not in the sorted `chosen`.
    static func complement(_ chosen: [Int32], count: Int) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(count - chosen.count)
        var k = 0
        for i in 0..<Int32(count) {
            if k < chosen.count && chosen[k] == i {
                k += 1
            } else {
                out.append(i)
            }
        }
        return out
    }

    /// Concatenates the pieces and gathers them back into row order.
    static func assemble(_ pieces: [(rows: [Int32]?, value: ColumnarValue)], rowCount: Int, type: DataType) -> Column {
        var position = [Int32](repeating: 0, count: rowCount)
        var columns: [Column] = []
        var base: Int32 = 0
        for piece in pieces {
            let rows = piece.rows ?? Array(0..<Int32(rowCount))
            if rows.isEmpty { continue }
            for (k, r) in rows.enumerated() { position[Int(r)] = base + Int32(k) }
            columns.append(piece.value.column(rowCount: rows.count))
            base += Int32(rows.count)
        }
        guard !columns.isEmpty else { return ColumnExpansion.repeating(.null, type: type, count: rowCount) }
        return Gather.column(Column.concatenate(columns), position)
    }

    public var displayText: String {
        "CASE " + branches.map { "WHEN \($0.condition.displayText) THEN \($0.value.displayText)" }.joined(separator: " ")
            + " ELSE \(elseValue.displayText) END"
    }
}
