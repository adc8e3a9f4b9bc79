public import LagoaColumnar
public import LagoaFunctions

/// Reads a ``TableSource``.
public struct Scan: Sendable {
    public var source: any TableSource
    /// Indices into `source.schema` that are read, aligned with ``output``.
    public var columns: [Int]
    public var output: [ColumnRef]
    /// Conjuncts pushed into the scan: used for pruning and applied exactly by the scan operator.
    public var filters: [Expr]
    /// Rows needed at most (pushed from a LIMIT with nothing in between).
    public var limit: Int?

    public init(source: any TableSource, columns: [Int], output: [ColumnRef], filters: [Expr] = [], limit: Int? = nil) {
        self.source = source
        self.columns = columns
        self.output = output
        self.filters = filters
        self.limit = limit
    }
}

/// `VALUES (…), (…)`: constant rows, values already cast to the column types.
public struct Values: Sendable {
    public var rows: [[Expr]]
    public var output: [ColumnRef]
    public init(rows: [[Expr]], output: [ColumnRef]) {
        self.rows = rows
        self.output = output
    }
}

/// No input: `oneRow` is `true` for `SELECT 1` (one row, no columns), `false` for a relation
/// proven empty (`WHERE false`).
public struct EmptyRelation: Sendable {
    public var oneRow: Bool
    public var output: [ColumnRef]
    public init(oneRow: Bool, output: [ColumnRef] = []) {
        self.oneRow = oneRow
        self.output = output
    }
}

public struct Filter: Sendable {
    public var input: LogicalPlan
    public var predicate: Expr
    public init(input: LogicalPlan, predicate: Expr) {
        self.input = input
        self.predicate = predicate
    }
}

/// Computes ``expressions``; `output[i]` is the value of `expressions[i]`.
public struct Project: Sendable {
    public var input: LogicalPlan
    public var expressions: [Expr]
    public var output: [ColumnRef]
    public init(input: LogicalPlan, expressions: [Expr], output: [ColumnRef]) {
        self.input = input
        self.expressions = expressions
        self.output = output
    }
}

/// One aggregate call of an ``Aggregate``.
public struct AggregateCall: Sendable {
    /// Lower-case name in the registry's aggregates.
    public var function: String
    /// Arguments already cast to `signature.argumentTypes`.
    public var arguments: [Expr]
    public var signature: FunctionSignature
    public var distinct: Bool
    /// `FILTER (WHERE …)`.
    public var filter: Expr?
    /// `string_agg(x, ',' ORDER BY y)`, `quantile … WITHIN GROUP`.
    public var orderBy: [SortKey]
    public var output: ColumnRef

    public init(function: String, arguments: [Expr], signature: FunctionSignature, distinct: Bool = false, filter: Expr? = nil, orderBy: [SortKey] = [], output: ColumnRef) {
        self.function = function
        self.arguments = arguments
        self.signature = signature
        self.distinct = distinct
        self.filter = filter
        self.orderBy = orderBy
        self.output = output
    }
}

/// `GROUP BY` (including GROUPING SETS / ROLLUP / CUBE) with aggregates. Output: group columns, then
/// aggregates, then ``groupingID`` when present.
public struct Aggregate: Sendable {
    public var input: LogicalPlan
    public var groupBy: [Expr]
    /// `groupOutput[i]` is the value of `groupBy[i]`.
    public var groupOutput: [ColumnRef]
    public var aggregates: [AggregateCall]
    /// `nil` for a plain GROUP BY; otherwise each set lists indices into ``groupBy`` (columns not in
    /// a set are NULL in that set's rows).
    public var groupingSets: [[Int]]?
    /// The `GROUPING(…)` bitmask column (bit i set when groupBy[i] is aggregated away), when used.
    public var groupingID: ColumnRef?

    public init(input: LogicalPlan, groupBy: [Expr], groupOutput: [ColumnRef], aggregates: [AggregateCall], groupingSets: [[Int]]? = nil, groupingID: ColumnRef? = nil) {
        self.input = input
        self.groupBy = groupBy
        self.groupOutput = groupOutput
        self.aggregates = aggregates
        self.groupingSets = groupingSets
        self.groupingID = groupingID
    }

    public var output: [ColumnRef] { groupOutput + aggregates.map(\.output) + (groupingID.map { [$0] } ?? []) }
}

public enum JoinKind: String, Sendable, Hashable {
    case inner, left, right, full, cross
    /// Left rows with at least one match (EXISTS / IN); output: left columns.
    case semi
    /// Left rows with no match (NOT EXISTS / NOT IN with NULL-aware care); output: left columns.
    case anti
    /// Every left row plus ``Join/mark``: true (match), false (no match), NULL (no match but the
    /// comparison met a NULL, for `x IN (subquery)` semantics inside OR / SELECT lists).
    case mark
}

/// A join. ``equiKeys`` pairs (left expr, right expr) drive a hash join; ``filter`` holds the rest
/// of the condition (evaluated on the joined row).
public struct Join: Sendable {
    public var left: LogicalPlan
    public var right: LogicalPlan
    public var kind: JoinKind
    public var equiKeys: [(left: Expr, right: Expr)]
    public var filter: Expr?
    /// Only for ``JoinKind/mark``.
    public var mark: ColumnRef?
    /// `true` for `NOT IN` anti joins: a NULL on either side of the key makes the row not qualify
    /// (SQL's NULL-aware anti join).
    public var nullAware: Bool

    public init(left: LogicalPlan, right: LogicalPlan, kind: JoinKind, equiKeys: [(left: Expr, right: Expr)] = [], filter: Expr? = nil, mark: ColumnRef? = nil, nullAware: Bool = false) {
        self.left = left
        self.right = right
        self.kind = kind
        self.equiKeys = equiKeys
        self.filter = filter
        self.mark = mark
        self.nullAware = nullAware
    }

    public var output: [ColumnRef] {
        switch kind {
        case .semi, .anti: left.output
        case .mark: left.output + (mark.map { [$0] } ?? [])
        default: left.output + right.output
        }
    }
}

public struct SortKey: Sendable {
    public var expr: Expr
    public var ascending: Bool
    /// SQL default: NULLS LAST for ASC, NULLS FIRST for DESC (PostgreSQL, DuckDB).
    public var nullsFirst: Bool
    public init(expr: Expr, ascending: Bool = true, nullsFirst: Bool? = nil) {
        self.expr = expr
        self.ascending = ascending
        self.nullsFirst = nullsFirst ?? !ascending
    }
}

/// ORDER BY, optionally keeping only the first ``fetch`` rows (top-N).
public struct Sort: Sendable {
    public var input: LogicalPlan
    public var keys: [SortKey]
    public var fetch: Int?
    public init(input: LogicalPlan, keys: [SortKey], fetch: Int? = nil) {
        self.input = input
        self.keys = keys
        self.fetch = fetch
    }
}

public struct Limit: Sendable {
    public var input: LogicalPlan
    /// `nil`: no limit (OFFSET only).
    public var limit: Int?
    public var offset: Int
    public init(input: LogicalPlan, limit: Int?, offset: Int = 0) {
        self.input = input
        self.limit = limit
        self.offset = offset
    }
}

public enum FrameUnits: String, Sendable { case rows, range, groups }

public enum FrameBound: Sendable {
    case unboundedPreceding
    /// `n PRECEDING`; for RANGE an offset of the ORDER BY key's type.
    case preceding(Expr)
    case currentRow
    case following(Expr)
    case unboundedFollowing
}

public struct WindowFrame: Sendable {
    public var units: FrameUnits
    public var start: FrameBound
    public var end: FrameBound
    public init(units: FrameUnits, start: FrameBound, end: FrameBound) {
        self.units = units
        self.start = start
        self.end = end
    }

    /// SQL's default frame: with ORDER BY, RANGE UNBOUNDED PRECEDING to CURRENT ROW; without, the
    /// whole partition.
    public static func defaultFrame(hasOrderBy: Bool) -> WindowFrame {
        hasOrderBy
            ? WindowFrame(units: .range, start: .unboundedPreceding, end: .currentRow)
            : WindowFrame(units: .rows, start: .unboundedPreceding, end: .unboundedFollowing)
    }
}

/// One window function call: a window-only function (registry `windows`) or an aggregate
/// (registry `aggregates`) over a frame.
public struct WindowCall: Sendable {
    public var function: String
    public var isAggregate: Bool
    public var arguments: [Expr]
    public var signature: FunctionSignature
    public var distinct: Bool
    public var partitionBy: [Expr]
    public var orderBy: [SortKey]
    public var frame: WindowFrame
    public var ignoreNulls: Bool
    public var output: ColumnRef

    public init(function: String, isAggregate: Bool, arguments: [Expr], signature: FunctionSignature, distinct: Bool = false, partitionBy: [Expr], orderBy: [SortKey], frame: WindowFrame, ignoreNulls: Bool = false, output: ColumnRef) {
        self.function = function
        self.isAggregate = isAggregate
        self.arguments = arguments
        self.signature = signature
        self.distinct = distinct
        self.partitionBy = partitionBy
        self.orderBy = orderBy
        self.frame = frame
        self.ignoreNulls = ignoreNulls
        self.output = output
    }
}

/// Adds one column per window call to the input's columns.
public struct Window: Sendable {
    public var input: LogicalPlan
    public var functions: [WindowCall]
    public init(input: LogicalPlan, functions: [WindowCall]) {
        self.input = input
        self.functions = functions
    }
}

public enum SetOperationKind: String, Sendable { case union, intersect, except }

/// `UNION [ALL]`, `INTERSECT [ALL]`, `EXCEPT [ALL]`: columns match by position, both inputs already
/// projected to the ``output`` types.
public struct SetOperation: Sendable {
    public var kind: SetOperationKind
    public var all: Bool
    public var left: LogicalPlan
    public var right: LogicalPlan
    public var output: [ColumnRef]
    public init(kind: SetOperationKind, all: Bool, left: LogicalPlan, right: LogicalPlan, output: [ColumnRef]) {
        self.kind = kind
        self.all = all
        self.left = left
        self.right = right
        self.output = output
    }
}
