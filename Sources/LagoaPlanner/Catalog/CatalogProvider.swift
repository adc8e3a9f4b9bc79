public import LagoaColumnar

/// What the binder needs from a catalog: tables by name, table functions (`read_parquet(…)`, a
/// path literal in FROM), views, and the names that exist (for "did you mean" suggestions).
/// LagoaEngine implements it over Iceberg catalogs and the file system.
///
/// ## Implementing your own
/// Resolve names case-insensitively relative to ``defaultNamespace`` when they have fewer parts
/// than a full name; return `nil` (not an error) for a name that does not exist, so the binder can
/// report it with suggestions.
public protocol CatalogProvider: Sendable {
    /// A table or `nil` when no such table exists.
    /// - Parameters:
    ///   - name: 1–3 parts as written: `table`, `ns.table`, `domain.layer.table`.
    ///   - timeTravel: `FOR VERSION AS OF …`, `FOR TIMESTAMP AS OF …`, `table@branch`.
    func resolveTable(_ name: [String], timeTravel: TimeTravel?) async throws -> ResolvedTable?

    /// A table function such as `read_parquet('x/*.parquet')`, or `nil` when the name is unknown.
    /// A string literal in FROM (`FROM 'data/*.parquet'`) arrives as `read_auto` with the path as
    /// the only argument.
    func tableFunction(_ name: String, arguments: [Value], named: [String: Value]) async throws -> (any TableSource)?

    /// A view's definition, or `nil` when `name` is not a view.
    func view(_ name: [String]) async throws -> ViewDefinition?

    /// Every table and view name (full parts), for suggestions in errors.
    func tableNames() async -> [[String]]

    /// The namespace one- and two-part names are relative to (`USE` changes it).
    var defaultNamespace: [String] { get }
}

/// Which version of a table a query reads.
public enum TimeTravel: Sendable, Hashable {
    /// `FOR VERSION AS OF n`: a snapshot id.
    case version(Int64)
    /// `FOR TIMESTAMP AS OF '…'`: the text as written.
    case timestamp(String)
    /// A point in time in milliseconds since the epoch.
    case timestampMillis(Int64)
    /// `table@branch` or a tag.
    case ref(String)
}

/// A table found by ``CatalogProvider/resolveTable(_:timeTravel:)``.
public struct ResolvedTable: Sendable {
    /// The full name (`["sales", "sot", "orders"]`), used in errors and DML statements.
    public var canonicalName: [String]
    public var source: any TableSource

    public init(canonicalName: [String], source: any TableSource) {
        self.canonicalName = canonicalName
        self.source = source
    }
}

/// A stored view: its SQL text (bound at each use) and optional column names.
public struct ViewDefinition: Sendable, Hashable {
    public var canonicalName: [String]
    public var sql: String
    /// Column aliases from `CREATE VIEW v (a, b) AS …`; empty for the query's own names.
    public var columnNames: [String]

    public init(canonicalName: [String], sql: String, columnNames: [String] = []) {
        self.canonicalName = canonicalName
        self.sql = sql
        self.columnNames = columnNames
    }
}
