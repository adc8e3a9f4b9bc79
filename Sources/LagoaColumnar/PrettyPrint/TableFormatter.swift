/// Renders record batches as an aligned text table with box-drawing borders, column names and
/// types, as DuckDB's shell does. Used by the CLI and by test failure messages.
public struct TableFormatter: Sendable {
    /// Rows shown at most; the rest are summarised as `…` and a count.
    public var maxRows: Int
    /// Characters per cell at most; longer values are cut with `…`.
    public var maxCellWidth: Int
    /// Whether to print a line of column types under the names.
    public var showTypes: Bool

    public init(maxRows: Int = 40, maxCellWidth: Int = 40, showTypes: Bool = true) {
        self.maxRows = maxRows
        self.maxCellWidth = maxCellWidth
        self.showTypes = showTypes
    }

    /// Formats `batches` (sharing one schema) into a table.
    /// - Complexity: O(shown rows × columns).
    public func format(_ schema: Schema, _ batches: [RecordBatch]) -> String {
        let total = batches.reduce(0) { $0 + $1.rowCount }
        var rows: [[String]] = []
        var numeric = schema.fields.map { Self.isNumeric($0.type) }
        outer: for batch in batches {
            for r in 0..<batch.rowCount {
                if rows.count >= maxRows { break outer }
                rows.append(batch.columns.map { cell($0.value(at: r)) })
            }
        }
        if numeric.isEmpty { numeric = [] }
        let header = schema.fields.map(\.name)
        let types = schema.fields.map { "\($0.type)" }
        var widths = header.map(\.count)
        for i in widths.indices {
            if showTypes { widths[i] = max(widths[i], types[i].count) }
            for row in rows { widths[i] = max(widths[i], row[i].count) }
        }
        func line(_ l: String, _ m: String, _ r: String) -> String {
            l + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: m) + r
        }
        func render(_ cells: [String], alignRight: [Bool]) -> String {
            "│" + cells.indices.map { i in
                let padding = String(repeating: " ", count: widths[i] - cells[i].count)
                return " " + (alignRight[i] ? padding + cells[i] : cells[i] + padding) + " "
            }.joined(separator: "│") + "│"
        }
        let left = Array(repeating: false, count: header.count)
        var out = [line("┌", "┬", "┐"), render(header, alignRight: left)]
        if showTypes { out.append(render(types, alignRight: left)) }
        out.append(line("├", "┼", "┤"))
        for row in rows { out.append(render(row, alignRight: numeric)) }
        out.append(line("└", "┴", "┘"))
        let shown = rows.count < total ? "\(rows.count) of \(total) rows" : "\(total) row\(total == 1 ? "" : "s")"
        out.append("\(shown), \(schema.fields.count) column\(schema.fields.count == 1 ? "" : "s")")
        return out.joined(separator: "\n")
    }

    private func cell(_ value: Value) -> String {
        var text = value.description.replacingNewlines()
        if text.count > maxCellWidth { text = String(text.prefix(maxCellWidth - 1)) + "…" }
        return text
    }

    private static func isNumeric(_ type: DataType) -> Bool {
        switch type {
        case .int8, .int16, .int32, .int64, .uint8, .uint16, .uint32, .uint64, .float32, .float64, .decimal128: true
        default: false
        }
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        guard contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) else { return self }
        return String(map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
    }
}
