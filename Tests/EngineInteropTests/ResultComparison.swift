import LagoaColumnar
import LagoaEngine

/// Compares Lagoa's rows with DuckDB's and describes the first difference.
enum ResultComparison {
    /// Lagoa's result as canonical rows.
    static func rows(of result: QueryResult) -> [[CanonicalValue]] {
        var rows: [[CanonicalValue]] = []
        rows.reserveCapacity(result.rowCount)
        for batch in result.batches {
            for i in 0..<batch.rowCount {
                rows.append(batch.columns.map { CanonicalValue($0.value(at: i)) })
            }
        }
        return rows
    }

    /// `nil` when the results agree, else a report naming the row counts and the first differing
    /// rows. Rows are sorted first unless `ordered`.
    static func difference(
        lagoa: [[CanonicalValue]],
        duckDB: [[CanonicalValue]],
        ordered: Bool,
        tolerance: Double = 1e-9
    ) -> String? {
        let left = ordered ? lagoa : sorted(lagoa)
        let right = ordered ? duckDB : sorted(duckDB)
        var first: Int?
        for i in 0..<min(left.count, right.count) where !rowsMatch(left[i], right[i], tolerance: tolerance) {
            first = i
            break
        }
        if first == nil, left.count != right.count { first = min(left.count, right.count) }
        guard let first else { return nil }
        let context = max(0, first - 1)..<(first + 3)
        let note = ordered ? "" : " (compared after sorting)"
        return "rows: Lagoa \(left.count), DuckDB \(right.count)\(note); first difference at row \(first + 1)\n"
            + "Lagoa:\n" + show(left, context, marking: first) + "\nDuckDB:\n" + show(right, context, marking: first)
    }

    private static func rowsMatch(_ a: [CanonicalValue], _ b: [CanonicalValue], tolerance: Double) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.matches($1, tolerance: tolerance) }
    }

    private static func show(_ rows: [[CanonicalValue]], _ context: Range<Int>, marking first: Int) -> String {
        var lines: [String] = []
        for i in context where i < rows.count {
            let marker = i == first ? "  > " : "    "
            let values: [String] = rows[i].map(\.description)
            lines.append(marker + "row \(i + 1): " + values.joined(separator: " | "))
        }
        return lines.joined(separator: "\n")
    }

    static func sorted(_ rows: [[CanonicalValue]]) -> [[CanonicalValue]] {
        rows.map { ($0.map(\.sortKey).joined(separator: "\u{1}"), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Whether `sql` orders its final result: an ORDER BY outside every parenthesis.
    static func hasTopLevelOrderBy(_ sql: String) -> Bool {
        var depth = 0
        var words: [String] = []
        var current = ""
        var inString = false
        for ch in sql.lowercased() {
            if inString {
                if ch == "'" { inString = false }
                continue
            }
            switch ch {
            case "'": inString = true
            case "(": depth += 1
            case ")": depth -= 1
            default:
                if depth == 0 && (ch.isLetter || ch == "_") {
                    current.append(ch)
                    continue
                }
            }
            if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return zip(words, words.dropFirst()).contains { $0 == "order" && $1 == "by" }
    }
}
