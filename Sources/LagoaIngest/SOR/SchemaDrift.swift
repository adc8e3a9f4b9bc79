import LagoaIceberg

/// How an existing SOR table's schema must change to take the source's current columns.
struct SchemaDrift {
    /// New source columns, in source order.
    var added: [(String, IcebergType)] = []
    /// Columns whose type widens as Iceberg allows (int → long, float → double, decimal(p, s) →
    /// decimal(p', s) with p' > p).
    var widened: [(String, IcebergType)] = []
    /// Table columns the source no longer has.
    var missing: [String] = []

    var isEmpty: Bool { added.isEmpty && widened.isEmpty }

    /// Compares the table's schema with the one the source's rows need.
    /// - Throws: ``IcebergError`` (`.validation`) for a type change neither widening the table nor
    ///   writable into it, with the column, both types and what to do.
    static func plan(table: IcebergSchema, wanted: IcebergSchema, identifier: TableIdentifier) throws(IcebergError) -> SchemaDrift {
        var drift = SchemaDrift()
        let wantedNames = Set(wanted.fields.map(\.name))
        for field in wanted.fields {
            guard let have = table.field(named: field.name) else {
                drift.added.append((field.name, field.type))
                continue
            }
            let from = have.type, to = field.type
            if shape(from) == shape(to) || writable(to, into: from) { continue }
            if promotable(from, to: to) {
                drift.widened.append((field.name, to))
                continue
            }
            throw IcebergError(
                .validation,
                "column '\(field.name)' changed type in the source from \(from) to \(to), which \(identifier) cannot follow without rewriting its data; cast it back in a source view, rename the new column, or re-create the table (lagoa table drop \(identifier), then ingest again)"
            )
        }
        drift.missing = table.fields.map(\.name).filter { !wantedNames.contains($0) }
        return drift
    }

    /// The type without field ids, so two lists of the same element compare equal.
    private static func shape(_ type: IcebergType) -> String { type.description }

    /// Iceberg's allowed type promotions.
    private static func promotable(_ from: IcebergType, to: IcebergType) -> Bool {
        switch (from, to) {
        case (.int, .long), (.float, .double): true
        case (.decimal(let p1, let s1), .decimal(let p2, let s2)): s1 == s2 && p2 > p1
        default: false
        }
    }

    /// Values of `source` fit columns of `table` without loss (the narrower source type is widened
    /// on write).
    private static func writable(_ source: IcebergType, into table: IcebergType) -> Bool {
        switch (source, table) {
        case (.int, .long), (.float, .double): true
        case (.decimal(let p1, let s1), .decimal(let p2, let s2)): s1 == s2 && p1 <= p2
        default: false
        }
    }
}
