public import LagoaColumnar

/// The columns of a source table as Lagoa will store them.
public struct SourceTableSchema: Sendable, Hashable {
    public var columns: [SourceColumn]

    public init(_ columns: [SourceColumn]) {
        self.columns = columns
    }

    /// The Lagoa schema of the extracted batches.
    public var schema: Schema { Schema(columns.map { Field($0.name, $0.type, nullable: true) }) }

    public func column(named name: String) -> SourceColumn? { columns.first { $0.name == name } }
}

/// One column of a source table.
public struct SourceColumn: Sendable, Hashable {
    public var name: String
    /// The type as the source declares it (`numeric(30,10)`, `timestamp with time zone`,
    /// `integer[]`, `TEXT`), kept for messages and the SOR table's column documentation.
    public var sourceType: String
    /// The Lagoa type its values are read as.
    public var type: DataType
    /// Whether the source allows NULL. SOR columns are always nullable (a source constraint can be
    /// dropped at any time); this is recorded, not enforced.
    public var sourceNullable: Bool

    public init(name: String, sourceType: String, type: DataType, sourceNullable: Bool = true) {
        self.name = name
        self.sourceType = sourceType
        self.type = type
        self.sourceNullable = sourceNullable
    }
}
