/// One data test of a model: a query returning the rows that break it.
public struct ModelTest: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case notNull(column: String)
        case unique(columns: [String])
        case acceptedValues(column: String, values: [String], quote: Bool)
        /// Every non-null `column` value exists in `field` of the table `to` (a `ref()` or `source()`).
        case relationships(column: String, to: String, field: String)
        /// A SELECT returning failing rows (template syntax allowed).
        case custom(sql: String)
    }

    public enum Severity: String, Sendable, Hashable {
        case error, warn
    }

    public var name: String
    public var kind: Kind
    public var severity: Severity
    /// Where it is declared, `models/sales/sot/customers.yaml:12:9`.
    public var location: String

    public init(name: String, kind: Kind, severity: Severity = .error, location: String) {
        self.name = name
        self.kind = kind
        self.severity = severity
        self.location = location
    }

    /// The SQL returning failing rows, against `table` (the audited branch: `a.b.c@audit_x`).
    /// - Parameter resolve: turns `ref('x')` / `source('s','t')` text into a table name.
    func sql(table: String, resolve: (String) throws(ModelError) -> String, render: (String) throws(ModelError) -> String) throws(ModelError) -> String {
        switch kind {
        case .notNull(let column):
            return "SELECT * FROM \(table) WHERE \(Self.quote(column)) IS NULL"
        case .unique(let columns):
            let list = columns.map(Self.quote).joined(separator: ", ")
            let present = columns.map { "\(Self.quote($0)) IS NOT NULL" }.joined(separator: " AND ")
            return "SELECT \(list), count(*) AS occurrences FROM \(table) WHERE \(present) GROUP BY \(list) HAVING count(*) > 1"
        case .acceptedValues(let column, let values, let quote):
            let list = values.map { quote ? "'" + $0.replacingQuotes() + "'" : $0 }.joined(separator: ", ")
            return "SELECT * FROM \(table) WHERE \(Self.quote(column)) IS NOT NULL AND \(Self.quote(column)) NOT IN (\(list))"
        case .relationships(let column, let to, let field):
            let parent = try resolve(to)
            return """
                SELECT * FROM \(table) AS child WHERE child.\(Self.quote(column)) IS NOT NULL \
                AND NOT EXISTS (SELECT 1 FROM \(parent) AS parent WHERE parent.\(Self.quote(field)) = child.\(Self.quote(column)))
                """
        case .custom(let sql):
            return try render(sql)
        }
    }

    static func quote(_ name: String) -> String {
        name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && name.first?.isNumber != true && name == name.lowercased()
            ? name : "\"" + name.replacingOccurrences("\"", "\"\"") + "\""
    }
}

extension String {
    func replacingQuotes() -> String { replacingOccurrences("'", "''") }

    func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
