/// Reads the sqllogictest format as DuckDB and DataFusion write it.
///
/// Records are separated by blank lines: `statement ok`, `statement error [pattern]` (the pattern
/// may instead follow a `----` line), `query <types> [nosort|rowsort|valuesort] [label]` followed by
/// SQL, `----` and the expected rows, and `halt`. `# comments` sit between records. `skipif lagoa`
/// and `onlyif <engine other than lagoa>` skip the next record; `require`, `mode`, `hash-threshold`,
/// `load`, `loop` and `endloop` lines are ignored.
public enum SLTParser {
    /// The engine name `skipif` / `onlyif` conditions are evaluated against.
    public static let engineName = "lagoa"

    /// Parses `text` into records.
    /// - Parameter path: used in error messages only.
    /// - Throws: ``SLTError`` with code `invalidFile` naming `path:line` for an unknown directive or
    ///   a malformed header.
    /// - Complexity: O(n) in the length of the text.
    public static func parse(_ text: String, path: String = "<input>") throws(SLTError) -> [SLTRecord] {
        let lines = splitLines(text)
        var records: [SLTRecord] = []
        var index = 0
        var skipNext = false
        while index < lines.count {
            let trimmed = lines[index].trimmingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") {
                index += 1
                continue
            }
            let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            switch words[0] {
            case "skipif", "onlyif":
                guard words.count >= 2 else {
                    throw invalid(path, index, "'\(words[0])' needs an engine name, as in '\(words[0]) lagoa'")
                }
                let named = words[1] == engineName
                if words[0] == "skipif" ? named : !named { skipNext = true }
                index += 1
            case "require", "mode", "hash-threshold", "load", "loop", "endloop", "foreach", "endfor":
                index += 1
            case "halt":
                records.append(
                    SLTRecord(kind: .halt, sql: "", line: index + 1, headerIndex: index, endIndex: index + 1, isSkipped: skipNext)
                )
                skipNext = false
                index += 1
            case "statement":
                let record = try statement(words, lines: lines, at: index, path: path, skipped: skipNext)
                records.append(record)
                skipNext = false
                index = record.endIndex
            case "query":
                let record = try query(words, lines: lines, at: index, path: path, skipped: skipNext)
                records.append(record)
                skipNext = false
                index = record.endIndex
            default:
                throw invalid(
                    path,
                    index,
                    "unknown directive '\(words[0])'; expected statement, query, halt, skipif, onlyif or a # comment"
                )
            }
        }
        return records
    }

    /// `text` split at `\n` (a trailing `\r` is dropped from each line).
    static func splitLines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    private static func statement(
        _ words: [String],
        lines: [String],
        at index: Int,
        path: String,
        skipped: Bool
    ) throws(SLTError) -> SLTRecord {
        guard words.count >= 2, ["ok", "error", "count"].contains(words[1]) else {
            throw invalid(path, index, "expected 'statement ok' or 'statement error [message]'")
        }
        let header = lines[index].trimmingSpaces
        let body = block(lines, after: index)
        guard !body.sql.isEmpty else { throw invalid(path, index, "the statement has no SQL below its header") }
        let kind: SLTRecord.Kind
        if words[1] == "error" {
            let inline = header.dropFirst("statement".count).trimmingSpaces.dropFirst("error".count).trimmingSpaces
            let below = body.expected.joined(separator: "\n")
            let pattern = !inline.isEmpty ? String(inline) : (below.isEmpty ? nil : below)
            kind = .statementError(expected: pattern)
        } else {
            kind = .statementOK
        }
        return SLTRecord(
            kind: kind,
            sql: body.sql.joined(separator: "\n"),
            line: index + 1,
            headerIndex: index,
            separatorIndex: body.separator,
            endIndex: body.end,
            isSkipped: skipped
        )
    }

    private static func query(
        _ words: [String],
        lines: [String],
        at index: Int,
        path: String,
        skipped: Bool
    ) throws(SLTError) -> SLTRecord {
        guard words.count >= 2 else {
            throw invalid(path, index, "'query' needs column type letters, as in 'query ITR rowsort'")
        }
        var types: [SLTColumnType] = []
        for letter in words[1] {
            types.append(SLTColumnType(rawValue: letter) ?? .any)
        }
        var sortMode = SLTSortMode.noSort
        var label: String?
        for word in words.dropFirst(2) {
            if let mode = SLTSortMode(rawValue: word) {
                sortMode = mode
            } else {
                label = word
            }
        }
        let body = block(lines, after: index)
        guard !body.sql.isEmpty else { throw invalid(path, index, "the query has no SQL below its header") }
        return SLTRecord(
            kind: .query(types: types, sortMode: sortMode, label: label, expected: body.expected),
            sql: body.sql.joined(separator: "\n"),
            line: index + 1,
            headerIndex: index,
            separatorIndex: body.separator,
            endIndex: body.end,
            isSkipped: skipped
        )
    }

    /// The SQL lines after a header, the `----` separator and the expected lines, up to a blank line.
    private static func block(
        _ lines: [String],
        after header: Int
    ) -> (sql: [String], separator: Int?, expected: [String], end: Int) {
        var sql: [String] = []
        var expected: [String] = []
        var separator: Int?
        var index = header + 1
        while index < lines.count, !lines[index].trimmingSpaces.isEmpty {
            if separator == nil, lines[index].trimmingSpaces == "----" {
                separator = index
            } else if separator == nil {
                sql.append(lines[index])
            } else {
                expected.append(lines[index])
            }
            index += 1
        }
        return (sql, separator, expected, index)
    }

    private static func invalid(_ path: String, _ index: Int, _ text: String) -> SLTError {
        SLTError(.invalidFile, "\(path):\(index + 1): \(text)")
    }
}

extension StringProtocol where SubSequence == Substring {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        let text = self[...]
        guard let start = text.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let end = text.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return text[text.endIndex...] }
        return text[start...end]
    }
}
