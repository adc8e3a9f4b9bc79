public import LagoaCore

/// One value written to the demo's operational databases.
public enum DemoCell: Sendable, Equatable {
    case int(Int64)
    case real(Double)
    case text(String)
    case null
}

/// Where the generator writes: a SQLite file per domain, or a PostgreSQL schema per domain.
public protocol DemoSink {
    /// Runs DDL or an UPDATE in `domain`'s database.
    func execute(_ sql: String, domain: String) throws(DemoError)
    /// Inserts rows into `table` of `domain` (column order as created).
    func insert(_ rows: [[DemoCell]], into table: String, domain: String) throws(DemoError)
}

/// A failure writing the demo's databases.
public struct DemoError: LagoaError {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var codeName: String { "demo" }
    public var context: [ErrorContext] { [] }
    public var cause: (any Error)? { nil }
}
