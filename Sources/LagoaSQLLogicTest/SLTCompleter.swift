/// The `--complete` rewriter: replaces the expected output of every record with what the engine
/// returned, keeping comments, conditions, blank lines and the SQL text exactly as they were.
///
/// Queries get fresh rows under `----` (sorted for `rowsort`, one value per line for `valuesort`);
/// a failing `statement ok` or query becomes `statement error <first line of the message>`; a
/// `statement error` that succeeds becomes `statement ok`; skipped records stay as they are.
public enum SLTCompleter {
    /// `text` (the file the report ran) with expected results replaced by the report's outcomes.
    /// - Complexity: O(lines + result values).
    public static func complete(_ text: String, report: SLTFileReport) -> String {
        let lines = SLTParser.splitLines(text)
        var output: [String] = []
        var cursor = 0
        for (record, outcome) in zip(report.records, report.outcomes) {
            output.append(contentsOf: lines[cursor..<record.headerIndex])
            output.append(contentsOf: rewrite(record, outcome, lines: lines))
            cursor = record.endIndex
        }
        output.append(contentsOf: lines[cursor...])
        return output.joined(separator: "\n") + "\n"
    }

    private static func rewrite(_ record: SLTRecord, _ outcome: SLTOutcome, lines: [String]) -> [String] {
        let original = Array(lines[record.headerIndex..<record.endIndex])
        let sql = Array(lines[(record.headerIndex + 1)..<(record.separatorIndex ?? record.endIndex)])
        switch (record.kind, outcome) {
        case (_, .skipped), (.halt, _), (.statementOK, .succeeded):
            return original
        case (.statementOK, .failed(let message)), (.query, .failed(let message)):
            return ["statement error \(firstLine(message))"] + sql
        case (.statementError, .succeeded):
            return ["statement ok"] + sql
        case (.statementError(let pattern), .failed(let message)):
            if let pattern, !SLTRunner.message(message, matches: pattern) {
                return ["statement error \(firstLine(message))"] + sql
            }
            return original
        case (.query(let types, let sortMode, _, _), .succeeded(let rows, let actualTypes)):
            var header = lines[record.headerIndex]
            if types.count != actualTypes.count {
                let words = header.trimmingSpaces.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                header = (["query", String(actualTypes.map(\.rawValue))] + words.dropFirst(2)).joined(separator: " ")
            }
            let body: [String]
            switch sortMode {
            case .noSort:
                body = rows.map { $0.map(\.text).joined(separator: "\t") }
            case .rowSort:
                body = SLTResultComparer.sortedRows(rows).map { $0.map(\.text).joined(separator: "\t") }
            case .valueSort:
                body = rows.flatMap { $0.map(\.text) }.sorted()
            }
            return [header] + sql + ["----"] + body
        }
    }

    /// The first line of an error message (what `statement error` lines quote).
    static func firstLine(_ message: String) -> String {
        String(message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}
