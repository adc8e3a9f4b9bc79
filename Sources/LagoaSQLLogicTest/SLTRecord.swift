/// One record of a sqllogictest file: a statement, a query, or `halt`, with the lines it spans so
/// the `--complete` rewriter can replace its expected output in place.
public struct SLTRecord: Sendable, Equatable {
    /// What the record asks the runner to do.
    public enum Kind: Sendable, Equatable {
        /// `statement ok`: the SQL must succeed.
        case statementOK
        /// `statement error [pattern]` (or the pattern after `----`): the SQL must fail with a message
        /// containing `pattern` (or matching it as a regular expression); `nil` accepts any error.
        case statementError(expected: String?)
        /// `query <types> [sort] [label]`: the SQL must return `expected` (one line per row, or one
        /// value per line).
        case query(types: [SLTColumnType], sortMode: SLTSortMode, label: String?, expected: [String])
        /// `halt`: stop reading the file.
        case halt
    }

    public var kind: Kind
    /// The SQL text (lines joined with `\n`).
    public var sql: String
    /// 1-based line of the record's header (`statement …` / `query …`).
    public var line: Int
    /// 0-based index of the header line in the file.
    public var headerIndex: Int
    /// 0-based index of the `----` separator, if the record has one.
    public var separatorIndex: Int?
    /// 0-based index one past the record's last line (the blank line that ends it, or end of file).
    public var endIndex: Int
    /// Whether a `skipif`/`onlyif` condition excludes the record for Lagoa.
    public var isSkipped: Bool

    public init(
        kind: Kind,
        sql: String,
        line: Int,
        headerIndex: Int,
        separatorIndex: Int? = nil,
        endIndex: Int,
        isSkipped: Bool = false
    ) {
        self.kind = kind
        self.sql = sql
        self.line = line
        self.headerIndex = headerIndex
        self.separatorIndex = separatorIndex
        self.endIndex = endIndex
        self.isSkipped = isSkipped
    }
}

/// A column type letter of a `query` header.
public enum SLTColumnType: Character, Sendable, Equatable {
    /// Integer.
    case integer = "I"
    /// Floating point or decimal: compared with a tolerance when both sides parse as numbers.
    case real = "R"
    /// Text.
    case text = "T"
    /// Boolean.
    case boolean = "B"
    /// Date, time or timestamp.
    case date = "D"
    /// Anything else (`?` and unknown letters): compared as text.
    case any = "?"
}

/// How a `query` record's rows are ordered before comparison.
public enum SLTSortMode: String, Sendable, Equatable {
    /// Rows compared in the order the engine returned them (the query has a total ORDER BY).
    case noSort = "nosort"
    /// Rows sorted as text before comparison.
    case rowSort = "rowsort"
    /// Every value sorted individually (row boundaries ignored).
    case valueSort = "valuesort"
}
