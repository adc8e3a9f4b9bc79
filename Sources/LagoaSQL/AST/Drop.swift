/// `DROP TABLE|VIEW|SCHEMA [IF EXISTS] name [PURGE]`.
public struct Drop: Hashable, Sendable {
    /// What kind of object is dropped.
    public enum ObjectKind: String, Hashable, Sendable {
        case table = "TABLE"
        case view = "VIEW"
        case schema = "SCHEMA"
    }

    /// TABLE, VIEW or SCHEMA.
    public var kind: ObjectKind
    /// The object name.
    public var name: QualifiedName
    /// `IF EXISTS`.
    public var ifExists: Bool
    /// `PURGE`: delete the data files too.
    public var purge: Bool

    /// Creates a DROP statement.
    public init(kind: ObjectKind, name: QualifiedName, ifExists: Bool = false, purge: Bool = false) {
        self.kind = kind
        self.name = name
        self.ifExists = ifExists
        self.purge = purge
    }
}

/// `ALTER TABLE [IF EXISTS] name action`.
public struct AlterTable: Hashable, Sendable {
    /// The change.
    public enum Action: Hashable, Sendable {
        /// `ADD [COLUMN] c type [NOT NULL]`.
        case addColumn(ColumnDefinition)
        /// `RENAME [COLUMN] a TO b`.
        case renameColumn(from: Identifier, to: Identifier)
        /// `DROP [COLUMN] c`.
        case dropColumn(Identifier)
        /// `RENAME TO n`.
        case renameTable(QualifiedName)
    }

    /// The table name.
    public var name: QualifiedName
    /// `IF EXISTS`.
    public var ifExists: Bool
    /// The change.
    public var action: Action

    /// Creates an ALTER TABLE statement.
    public init(name: QualifiedName, ifExists: Bool = false, action: Action) {
        self.name = name
        self.ifExists = ifExists
        self.action = action
    }
}
