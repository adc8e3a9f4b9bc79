public import LagoaColumnar

/// A statement after binding, as plain data for LagoaEngine to execute.
public indirect enum BoundStatement: Sendable {
    /// A query: its plan and the result's column names.
    case query(LogicalPlan, names: [String])
    /// `EXPLAIN [ANALYZE] statement`.
    case explain(analyze: Bool, BoundStatement)
    case createTable(CreateTablePlan)
    case insert(InsertPlan)
    case delete(DeletePlan)
    case update(UpdatePlan)
    case merge(MergePlan)
    /// `CREATE [OR REPLACE] VIEW name [(columns)] AS query`; the query was bound once to check it.
    case createView(name: [String], sql: String, columns: [String], orReplace: Bool, ifNotExists: Bool)
    case createSchema(name: [String], ifNotExists: Bool)
    case drop(DropPlan)
    case alterTable(AlterTablePlan)
    /// `SHOW TABLES [IN namespace]`.
    case showTables(namespace: [String]?)
    case showSchemas
    /// `DESCRIBE table` (the resolved name and schema) or `DESCRIBE query`.
    case describe(name: [String]?, schema: Schema)
    /// `USE namespace`.
    case use(namespace: [String])
    /// `SET name = value`.
    case set(name: String, value: Value)
}

/// `CREATE TABLE`.
public struct CreateTablePlan: Sendable {
    public var name: [String]
    /// Column definitions (from the column list, or the query's output for CTAS).
    public var fields: [Field]
    /// Partition transforms as written (`day(ts)`, `bucket(16, id)`, `region`).
    public var partitionSpec: [String]
    public var ifNotExists: Bool
    public var orReplace: Bool
    /// `CREATE TABLE … AS query`: the rows to write, with columns named like ``fields``.
    public var asQuery: LogicalPlan?

    public init(name: [String], fields: [Field], partitionSpec: [String], ifNotExists: Bool, orReplace: Bool, asQuery: LogicalPlan?) {
        self.name = name
        self.fields = fields
        self.partitionSpec = partitionSpec
        self.ifNotExists = ifNotExists
        self.orReplace = orReplace
        self.asQuery = asQuery
    }
}

/// `INSERT INTO table …`: ``source`` produces the table's columns, in table order, with the
/// table's types (columns not listed are NULL).
public struct InsertPlan: Sendable {
    public var table: ResolvedTable
    public var source: LogicalPlan

    public init(table: ResolvedTable, source: LogicalPlan) {
        self.table = table
        self.source = source
    }
}

/// `DELETE FROM table [WHERE …]`: ``scan`` reads every column of the table; ``predicate`` (over
/// the scan's output columns) selects the rows to delete, `nil` for all.
public struct DeletePlan: Sendable {
    public var table: ResolvedTable
    public var scan: LogicalPlan
    public var predicate: Expr?

    public init(table: ResolvedTable, scan: LogicalPlan, predicate: Expr?) {
        self.table = table
        self.scan = scan
        self.predicate = predicate
    }
}

/// `UPDATE table SET … [FROM …] [WHERE …]`: ``rows`` produces the matching rows with the
/// table's columns first (``tableColumns``); ``assignments`` gives the new value of each assigned
/// column (by table column index) over ``rows``' output.
public struct UpdatePlan: Sendable {
    public var table: ResolvedTable
    public var rows: LogicalPlan
    public var tableColumns: [ColumnRef]
    public var assignments: [(column: Int, value: Expr)]

    public init(table: ResolvedTable, rows: LogicalPlan, tableColumns: [ColumnRef], assignments: [(column: Int, value: Expr)]) {
        self.table = table
        self.rows = rows
        self.tableColumns = tableColumns
        self.assignments = assignments
    }
}

/// `MERGE INTO target USING source ON condition WHEN …`: ``joined`` is the FULL (or LEFT, when no
/// `WHEN NOT MATCHED` clause inserts) join of target and source on ``condition``; clauses are tried
/// in order per row.
public struct MergePlan: Sendable {
    public var table: ResolvedTable
    public var targetColumns: [ColumnRef]
    public var sourceColumns: [ColumnRef]
    public var joined: LogicalPlan
    public var condition: Expr
    /// A column of ``joined`` that is non-NULL exactly when a target row is present.
    public var targetPresent: Expr
    /// A column of ``joined`` that is non-NULL exactly when a source row is present.
    public var sourcePresent: Expr
    public var clauses: [MergeClausePlan]

    public init(
        table: ResolvedTable, targetColumns: [ColumnRef], sourceColumns: [ColumnRef], joined: LogicalPlan, condition: Expr,
        targetPresent: Expr, sourcePresent: Expr, clauses: [MergeClausePlan]
    ) {
        self.table = table
        self.targetColumns = targetColumns
        self.sourceColumns = sourceColumns
        self.joined = joined
        self.condition = condition
        self.targetPresent = targetPresent
        self.sourcePresent = sourcePresent
        self.clauses = clauses
    }
}

/// One `WHEN [NOT] MATCHED [AND condition] THEN …` clause.
public struct MergeClausePlan: Sendable {
    public enum Action: Sendable {
        /// New values by table column index.
        case update([(column: Int, value: Expr)])
        case delete
        /// One value per table column, in table order (NULL for unlisted columns).
        case insert([Expr])
    }

    public var matched: Bool
    public var condition: Expr?
    public var action: Action

    public init(matched: Bool, condition: Expr?, action: Action) {
        self.matched = matched
        self.condition = condition
        self.action = action
    }
}

/// `DROP TABLE | VIEW | SCHEMA`.
public struct DropPlan: Sendable {
    public enum Kind: String, Sendable { case table, view, schema }
    public var kind: Kind
    public var name: [String]
    public var ifExists: Bool
    public var purge: Bool

    public init(kind: Kind, name: [String], ifExists: Bool, purge: Bool) {
        self.kind = kind
        self.name = name
        self.ifExists = ifExists
        self.purge = purge
    }
}

/// `ALTER TABLE`.
public struct AlterTablePlan: Sendable {
    public enum Action: Sendable {
        case addColumn(Field)
        case renameColumn(from: String, to: String)
        case dropColumn(String)
        case renameTable(to: [String])
    }

    public var name: [String]
    public var ifExists: Bool
    public var action: Action

    public init(name: [String], ifExists: Bool, action: Action) {
        self.name = name
        self.ifExists = ifExists
        self.action = action
    }
}
