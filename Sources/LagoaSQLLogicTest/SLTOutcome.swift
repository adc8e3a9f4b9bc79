/// What the engine did with one record: kept by the runner for reports and for `--complete`.
public enum SLTOutcome: Sendable {
    /// A statement or query succeeded; `rows` are the rendered rows (empty for statements) and
    /// `types` the type letters of the result columns.
    case succeeded(rows: [[SLTCell]], types: [SLTColumnType])
    /// The statement or query failed with `message` (the error's rendered text).
    case failed(message: String)
    /// The record was skipped (`skipif` / `onlyif`) or not reached (after `halt`).
    case skipped
}

/// A record whose outcome differs from what the file expects.
public struct SLTMismatch: Sendable, CustomStringConvertible {
    public var path: String
    /// 1-based line of the record header.
    public var line: Int
    public var sql: String
    /// What differs: the first differing row, the unexpected error, the missing error.
    public var detail: String

    public init(path: String, line: Int, sql: String, detail: String) {
        self.path = path
        self.line = line
        self.sql = sql
        self.detail = detail
    }

    /// `path:line: detail`, then the SQL indented.
    public var description: String {
        let indented = sql.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        return "\(path):\(line): \(detail)\n\(indented)"
    }
}

/// The result of running one file.
public struct SLTFileReport: Sendable {
    public var path: String
    /// Records run (not skipped).
    public var executed: Int
    public var mismatches: [SLTMismatch]
    /// One outcome per record of ``records``, in order.
    public var outcomes: [SLTOutcome]
    public var records: [SLTRecord]

    public init(path: String, executed: Int, mismatches: [SLTMismatch], outcomes: [SLTOutcome], records: [SLTRecord]) {
        self.path = path
        self.executed = executed
        self.mismatches = mismatches
        self.outcomes = outcomes
        self.records = records
    }

    public var passed: Bool { mismatches.isEmpty }
}
