/// One SQL statement.
public indirect enum Statement: Hashable, Sendable {
    /// A query (`SELECT`, `VALUES`, `WITH …`, set operations).
    case query(Query)
    /// `EXPLAIN [ANALYZE] statement`.
    case explain(analyze: Bool, Statement)
    /// `CREATE [OR REPLACE] TABLE [IF NOT EXISTS] … ( … ) [PARTITIONED BY …]` or `… AS query`.
    case createTable(CreateTable)
    /// `CREATE [OR REPLACE] VIEW name [(cols)] AS query`.
    case createView(CreateView)
    /// `CREATE SCHEMA [IF NOT EXISTS] ns`.
    case createSchema(name: QualifiedName, ifNotExists: Bool)
    /// `INSERT INTO …`.
    case insert(Insert)
    /// `DELETE FROM …`.
    case delete(Delete)
    /// `UPDATE …`.
    case update(Update)
    /// `MERGE INTO …`.
    case merge(Merge)
    /// `DROP TABLE|VIEW|SCHEMA [IF EXISTS] name [PURGE]`.
    case drop(Drop)
    /// `ALTER TABLE …`.
    case alterTable(AlterTable)
    /// `SHOW TABLES [FROM|IN ns]`.
    case showTables(namespace: QualifiedName?)
    /// `SHOW SCHEMAS` / `SHOW NAMESPACES`.
    case showSchemas
    /// `DESCRIBE name`.
    case describeTable(QualifiedName)
    /// `DESCRIBE query`.
    case describeQuery(Query)
    /// `USE ns`.
    case use(QualifiedName)
    /// `SET name = value` / `SET name TO value`.
    case set(name: QualifiedName, value: Expression)
}

/// `CREATE TABLE`.
public struct CreateTable: Hashable, Sendable {
    /// The table name.
    public var name: QualifiedName
    /// `OR REPLACE`.
    public var orReplace: Bool
    /// `IF NOT EXISTS`.
    public var ifNotExists: Bool
    /// Column definitions (empty for `CREATE TABLE … AS query` without a column list).
    public var columns: [ColumnDefinition]
    /// `PARTITIONED BY (day(ts), bucket(16, id), col)`: each a column or a transform call.
    public var partitionBy: [Expression]
    /// `AS query`.
    public var asQuery: Query?

    /// Creates a CREATE TABLE statement.
    public init(
        name: QualifiedName, orReplace: Bool = false, ifNotExists: Bool = false, columns: [ColumnDefinition] = [],
        partitionBy: [Expression] = [], asQuery: Query? = nil
    ) {
        self.name = name
        self.orReplace = orReplace
        self.ifNotExists = ifNotExists
        self.columns = columns
        self.partitionBy = partitionBy
        self.asQuery = asQuery
    }
}

/// `name type [NOT NULL]`.
public struct ColumnDefinition: Hashable, Sendable {
    /// The column name.
    public var name: Identifier
    /// The declared type.
    public var type: TypeName
    /// `NOT NULL`.
    public var notNull: Bool

    /// Creates a column definition.
    public init(name: Identifier, type: TypeName, notNull: Bool = false) {
        self.name = name
        self.type = type
        self.notNull = notNull
    }
}

/// `CREATE [OR REPLACE] VIEW [IF NOT EXISTS] name [(cols)] AS query`.
public struct CreateView: Hashable, Sendable {
    /// The view name.
    public var name: QualifiedName
    /// `OR REPLACE`.
    public var orReplace: Bool
    /// `IF NOT EXISTS`.
    public var ifNotExists: Bool
    /// Optional column names.
    public var columns: [Identifier]
    /// The defining query.
    public var query: Query

    /// Creates a CREATE VIEW statement.
    public init(name: QualifiedName, orReplace: Bool = false, ifNotExists: Bool = false, columns: [Identifier] = [], query: Query) {
        self.name = name
        self.orReplace = orReplace
        self.ifNotExists = ifNotExists
        self.columns = columns
        self.query = query
    }
}

/// `INSERT INTO name [(cols)] {query | VALUES …}`.
public struct Insert: Hashable, Sendable {
    /// The target table.
    public var table: QualifiedName
    /// Target columns; empty means all, in table order.
    public var columns: [Identifier]
    /// The rows: a query, whose body is ``QueryBody/values(_:)`` for `VALUES`.
    public var source: Query

    /// Creates an INSERT statement.
    public init(table: QualifiedName, columns: [Identifier] = [], source: Query) {
        self.table = table
        self.columns = columns
        self.source = source
    }
}

/// `DELETE FROM name [[AS] alias] [WHERE cond]`.
public struct Delete: Hashable, Sendable {
    /// The target table.
    public var table: QualifiedName
    /// Its alias.
    public var alias: Identifier?
    /// The condition; `nil` deletes every row.
    public var whereClause: Expression?

    /// Creates a DELETE statement.
    public init(table: QualifiedName, alias: Identifier? = nil, whereClause: Expression? = nil) {
        self.table = table
        self.alias = alias
        self.whereClause = whereClause
    }
}

/// `column = value` in UPDATE and MERGE.
public struct Assignment: Hashable, Sendable {
    /// The column set.
    public var column: Identifier
    /// The new value.
    public var value: Expression

    /// Creates an assignment.
    public init(column: Identifier, value: Expression) {
        self.column = column
        self.value = value
    }
}

/// `UPDATE name [[AS] alias] SET c = e, … [FROM …] [WHERE cond]`.
public struct Update: Hashable, Sendable {
    /// The target table.
    public var table: QualifiedName
    /// Its alias.
    public var alias: Identifier?
    /// The assignments.
    public var assignments: [Assignment]
    /// Extra tables joined in (`UPDATE … FROM`).
    public var from: [TableReference]
    /// The condition; `nil` updates every row.
    public var whereClause: Expression?

    /// Creates an UPDATE statement.
    public init(table: QualifiedName, alias: Identifier? = nil, assignments: [Assignment], from: [TableReference] = [], whereClause: Expression? = nil) {
        self.table = table
        self.alias = alias
        self.assignments = assignments
        self.from = from
        self.whereClause = whereClause
    }
}
