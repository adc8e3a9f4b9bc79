import LagoaIceberg

/// One open database connection inside a transaction, as the catalog statements see it.
///
/// Statements are written with `?` placeholders (SQLite's); the PostgreSQL connection rewrites them
/// to `$1, $2, …`. Every parameter is bound as text, which both databases convert where needed.
protocol SQLSession: AnyObject {
    /// Runs a query and returns its rows; a SQL NULL is `nil`.
    func rows(_ sql: String, _ parameters: [String]) throws(IcebergError) -> [[String?]]

    /// Runs a statement and returns how many rows it inserted, updated or deleted.
    @discardableResult
    func run(_ sql: String, _ parameters: [String]) throws(IcebergError) -> Int
}

/// What went wrong in the database, kept as the ``IcebergError/cause`` of the `.io` error that
/// reports it, so the catalog can tell a duplicate key or a lost connection from other failures.
struct SQLDatabaseFailure: Error, CustomStringConvertible, Sendable {
    enum Kind: Sendable, Equatable {
        /// A primary-key or unique constraint rejected a row.
        case uniqueViolation
        /// Another writer held the lock for longer than the busy timeout (SQLite).
        case busy
        /// The connection to the server broke (PostgreSQL); nothing after the break was applied.
        case connectionLost
        case other
    }

    var kind: Kind
    /// SQLite's extended result code or PostgreSQL's SQLSTATE.
    var code: String
    /// The database's own message (passwords removed).
    var detail: String

    var description: String { "\(detail) (\(code))" }
}

extension IcebergError {
    /// The kind of database failure behind this error, if it wraps one.
    var databaseFailureKind: SQLDatabaseFailure.Kind? {
        (cause as? SQLDatabaseFailure)?.kind
    }
}
