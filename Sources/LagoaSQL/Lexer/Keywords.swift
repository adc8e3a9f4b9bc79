/// Keyword classes, following PostgreSQL: reserved words cannot name columns or be implicit
/// aliases without quotes; every other keyword (`date`, `year`, `value`, `name`, `type`, …) can.
enum Keywords {
    /// Words that are never identifiers unless quoted (lower case).
    static let reserved: Set<String> = [
        "all", "and", "any", "array", "as", "asc", "both", "case", "cast", "check", "collate", "constraint",
        "create", "cross", "current_date", "current_time", "current_timestamp", "default", "desc", "distinct",
        "else", "end", "except", "exists", "false", "fetch", "for", "foreign", "from", "full", "grant", "group",
        "having", "ilike", "in", "inner", "intersect", "into", "is", "join", "lateral", "leading", "left", "like",
        "limit", "natural", "not", "null", "offset", "on", "or", "order", "outer", "primary", "qualify",
        "references", "returning", "right", "select", "some", "table", "then", "to", "trailing", "true", "union",
        "unique", "using", "when", "where", "window", "with", "between", "try_cast",
    ]

    /// Normalised type names the unparser writes as keywords.
    static let typeNames: Set<String> = [
        "tinyint", "smallint", "integer", "bigint", "hugeint", "utinyint", "usmallint", "uinteger", "ubigint",
        "real", "double", "decimal", "varchar", "char", "boolean", "date", "time", "timestamp", "timestamptz",
        "blob", "uuid", "interval", "json",
    ]

    /// Whether `lowercased` is a reserved word.
    static func isReserved(_ lowercased: String) -> Bool { reserved.contains(lowercased) }

    /// Whether `name` is a normalised type name written without quotes.
    static func isKnownTypeName(_ name: String) -> Bool { typeNames.contains(name) }
}
