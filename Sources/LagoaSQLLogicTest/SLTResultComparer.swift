/// One rendered result value and whether it compares with a tolerance (floating point).
public struct SLTCell: Sendable, Equatable {
    public var text: String
    public var isApproximate: Bool

    public init(_ text: String, isApproximate: Bool = false) {
        self.text = text
        self.isApproximate = isApproximate
    }
}

/// Compares a query's rendered rows with the expected lines of its record.
///
/// Expected lines are rows of tab-separated values (DuckDB's layout); a line with the wrong number of
/// tab-separated values is split at runs of spaces instead; when every line holds one value and the
/// query has several columns the lines are read as one value per line (classic sqllogictest).
/// Values compare as text, except floating-point ones, which also match when both sides parse as
/// numbers within ``relativeTolerance``. Decimals, dates and strings always compare exactly.
public struct SLTResultComparer: Sendable {
    /// The largest accepted |a - b| / max(|a|, |b|) for floating-point values.
    public var relativeTolerance: Double

    public init(relativeTolerance: Double = 1e-9) {
        self.relativeTolerance = relativeTolerance
    }

    /// `nil` when `actual` matches `expected`, else a description of the first difference.
    /// - Complexity: O(n log n) in the number of values for the sorting modes, O(n) otherwise.
    public func difference(actual: [[SLTCell]], expected: [String], columns: Int, sortMode: SLTSortMode) -> String? {
        let expectedRows = Self.parseExpected(expected, columns: columns)
        switch sortMode {
        case .valueSort:
            let left = actual.flatMap { $0 }.sorted { $0.text < $1.text }
            let right = expectedRows.flatMap { $0 }.sorted()
            guard left.count == right.count else {
                return "expected \(right.count) values, got \(left.count)"
            }
            for (i, pair) in zip(left, right).enumerated() where !matches(pair.0, pair.1) {
                return "value \(i + 1) (sorted): expected '\(pair.1)', got '\(pair.0.text)'"
            }
            return nil
        case .rowSort:
            let left = Self.sortedRows(actual)
            let right = expectedRows.sorted { $0.joined(separator: "\t") < $1.joined(separator: "\t") }
            return compareRows(left, right, sorted: true)
        case .noSort:
            return compareRows(actual, expectedRows, sorted: false)
        }
    }

    /// `rows` sorted by their tab-joined text (the order `rowsort` and `--complete` use).
    public static func sortedRows(_ rows: [[SLTCell]]) -> [[SLTCell]] {
        rows.map { ($0.map(\.text).joined(separator: "\t"), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The expected lines as rows of `columns` values.
    static func parseExpected(_ lines: [String], columns: Int) -> [[String]] {
        guard columns > 1 else { return lines.map { [$0] } }
        var rows: [[String]] = []
        var allSingle = true
        for line in lines {
            var values = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if values.count != columns {
                let spaced = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                if spaced.count == columns { values = spaced }
            }
            if values.count != 1 { allSingle = false }
            rows.append(values)
        }
        if allSingle, lines.count % columns == 0 {
            return stride(from: 0, to: lines.count, by: columns).map { Array(lines[$0..<($0 + columns)]) }
        }
        return rows
    }

    private func compareRows(_ actual: [[SLTCell]], _ expected: [[String]], sorted: Bool) -> String? {
        let note = sorted ? " (after rowsort)" : ""
        for (i, pair) in zip(actual, expected).enumerated() {
            let (got, want) = pair
            let same = got.count == want.count && zip(got, want).allSatisfy { matches($0, $1) }
            if !same {
                return "row \(i + 1)\(note): expected '\(want.joined(separator: "\t"))', got '\(got.map(\.text).joined(separator: "\t"))'"
            }
        }
        guard actual.count == expected.count else {
            return "expected \(expected.count) rows, got \(actual.count)"
        }
        return nil
    }

    /// Whether one value matches: exact text, or floating point within the tolerance.
    func matches(_ cell: SLTCell, _ expected: String) -> Bool {
        if cell.text == expected { return true }
        guard cell.isApproximate, let a = Double(cell.text), let b = Double(expected) else { return false }
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        let scale = max(abs(a), abs(b))
        return abs(a - b) <= relativeTolerance * scale || abs(a - b) < 1e-300
    }
}
