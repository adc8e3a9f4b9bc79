import Foundation
public import LagoaColumnar
public import LagoaEngine

/// Runs the records of a sqllogictest file, one after the other, in one ``Session``.
///
/// Statements run with `Session.execute` (every statement of the text in order); queries use the
/// last result of their text. A failure does not stop the file: every record runs and every
/// mismatch is reported, except after `halt`.
public struct SLTRunner: Sendable {
    public var comparer: SLTResultComparer
    /// Text replaced in every record's SQL before it runs: `__TEST_DIR__` (the file's scratch
    /// warehouse) and `__TEST_DATA__` (the repository's `TestData/`) by default.
    public var substitutions: [(placeholder: String, value: String)]

    public init(comparer: SLTResultComparer = SLTResultComparer(), substitutions: [(placeholder: String, value: String)] = []) {
        self.comparer = comparer
        self.substitutions = substitutions
    }

    /// Reads, parses and runs the file at `path`.
    /// - Throws: ``SLTError`` when the file cannot be read or parsed.
    public func run(path: String, session: Session) async throws(SLTError) -> SLTFileReport {
        let text = try Self.read(path)
        let records = try SLTParser.parse(text, path: path)
        return await run(records: records, path: path, session: session)
    }

    /// Runs parsed `records` (from `path`, named in reports).
    public func run(records: [SLTRecord], path: String, session: Session) async -> SLTFileReport {
        var report = SLTFileReport(path: path, executed: 0, mismatches: [], outcomes: [], records: records)
        var halted = false
        for record in records {
            if halted || record.isSkipped {
                report.outcomes.append(.skipped)
                continue
            }
            if case .halt = record.kind {
                halted = true
                report.outcomes.append(.skipped)
                continue
            }
            report.executed += 1
            var resolved = record
            for (placeholder, value) in substitutions {
                resolved.sql = resolved.sql.replacingOccurrences(of: placeholder, with: value)
            }
            let outcome = await Self.execute(resolved, session: session)
            report.outcomes.append(outcome)
            if let detail = check(record, outcome) {
                report.mismatches.append(SLTMismatch(path: path, line: record.line, sql: record.sql, detail: detail))
            }
        }
        return report
    }

    /// Runs one record's SQL and renders what came back.
    static func execute(_ record: SLTRecord, session: Session) async -> SLTOutcome {
        do {
            let results = try await session.execute(record.sql)
            guard case .query = record.kind, let last = results.last else { return .succeeded(rows: [], types: []) }
            return .succeeded(rows: rows(of: last), types: last.schema.fields.map { columnType($0.type) })
        } catch {
            return .failed(message: String(describing: error))
        }
    }

    /// The description of a mismatch between `record` and `outcome`, or `nil` when they agree.
    func check(_ record: SLTRecord, _ outcome: SLTOutcome) -> String? {
        switch (record.kind, outcome) {
        case (_, .skipped), (.halt, _):
            return nil
        case (.statementOK, .succeeded):
            return nil
        case (.statementOK, .failed(let message)), (.query, .failed(let message)):
            return "unexpected error: \(message)"
        case (.statementError, .succeeded):
            return "expected an error, but the statement succeeded"
        case (.statementError(let pattern), .failed(let message)):
            guard let pattern, !Self.message(message, matches: pattern) else { return nil }
            return "expected an error matching '\(pattern)', got: \(message)"
        case (.query(let types, let sortMode, _, let expected), .succeeded(let rows, let actualTypes)):
            if actualTypes.count != types.count {
                return "expected \(types.count) columns (\(String(types.map(\.rawValue)))), got \(actualTypes.count) (\(String(actualTypes.map(\.rawValue))))"
            }
            guard let difference = comparer.difference(actual: rows, expected: expected, columns: types.count, sortMode: sortMode) else {
                return nil
            }
            let shown = (sortMode == .rowSort ? SLTResultComparer.sortedRows(rows) : rows).prefix(20)
            let actualText = shown.map { $0.map(\.text).joined(separator: "\t") }.joined(separator: "\n")
            let more = rows.count > shown.count ? "\n… \(rows.count - shown.count) more rows" : ""
            return "query result mismatch: \(difference)\nactual result:\n\(actualText)\(more)"
        }
    }

    /// Whether an error message satisfies an expected pattern: `<REGEX>:…` (DuckDB) is a regular
    /// expression; otherwise a substring, or failing that a regular expression (DataFusion).
    public static func message(_ message: String, matches pattern: String) -> Bool {
        if pattern.hasPrefix("<REGEX>:") {
            return regexMatches(message, String(pattern.dropFirst("<REGEX>:".count)))
        }
        if message.contains(pattern) { return true }
        return regexMatches(message, pattern)
    }

    private static func regexMatches(_ text: String, _ pattern: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The rows of `result`, rendered.
    /// - Complexity: O(rows × columns).
    public static func rows(of result: QueryResult) -> [[SLTCell]] {
        var rows: [[SLTCell]] = []
        rows.reserveCapacity(result.rowCount)
        for batch in result.batches {
            let approximate = batch.columns.map { SLTValueFormatter.isApproximate($0.type) }
            for i in 0..<batch.rowCount {
                rows.append(
                    batch.columns.indices.map { c in
                        SLTCell(SLTValueFormatter.text(batch.columns[c].value(at: i)), isApproximate: approximate[c])
                    }
                )
            }
        }
        return rows
    }

    /// The sqllogictest type letter of a column type.
    public static func columnType(_ type: DataType) -> SLTColumnType {
        switch type {
        case .int8, .int16, .int32, .int64, .uint8, .uint16, .uint32, .uint64: .integer
        case .float32, .float64, .decimal128: .real
        case .string, .binary, .fixedSizeBinary: .text
        case .boolean: .boolean
        case .date32, .time64, .timestamp: .date
        default: .any
        }
    }

    static func read(_ path: String) throws(SLTError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SLTError(.io, "cannot read '\(path)': \(error)", cause: error)
        }
    }
}
