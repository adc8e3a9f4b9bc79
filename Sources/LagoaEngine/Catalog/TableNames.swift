import LagoaIceberg

/// How SQL names map to Iceberg identifiers.
enum TableNames {
    /// `t` → `<default namespace>.t`; `a.t` → `a.t`; `domain.layer.t` → namespace `domain.layer`, table `t`.
    /// - Throws: ``IcebergError`` for names Iceberg refuses (empty parts, dots, control characters).
    static func identifier(_ parts: [String], defaultNamespace: [String]) throws -> TableIdentifier {
        guard let name = parts.last else { throw EngineError(.invalidInput, "empty table name") }
        let levels = parts.count == 1 ? defaultNamespace : Array(parts.dropLast())
        return try TableIdentifier(namespace: try Namespace(levels), name: name)
    }

    /// `a.b` as namespace levels, or the default when `parts` is `nil`.
    static func namespace(_ parts: [String]?, defaultNamespace: [String]) throws -> Namespace {
        try Namespace(parts ?? defaultNamespace)
    }
}
