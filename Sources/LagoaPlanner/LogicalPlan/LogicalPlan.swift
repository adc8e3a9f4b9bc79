/// A relational plan over ``ColumnRef``s. The binder builds it from the AST, the optimizer rewrites
/// it (one rule per file in Optimizer/), LagoaExecution's physical planner turns it into operators.
///
/// Every node lists its ``output`` columns; expressions above refer to them by id.
public indirect enum LogicalPlan: Sendable {
    case scan(Scan)
    case values(Values)
    /// Zero rows, or one row with no columns (`SELECT 1` without FROM).
    case empty(EmptyRelation)
    case filter(Filter)
    case project(Project)
    case aggregate(Aggregate)
    case join(Join)
    case sort(Sort)
    case limit(Limit)
    case window(Window)
    case setOperation(SetOperation)

    /// The columns this node produces, in order.
    public var output: [ColumnRef] {
        switch self {
        case .scan(let n): n.output
        case .values(let n): n.output
        case .empty(let n): n.output
        case .filter(let n): n.input.output
        case .project(let n): n.output
        case .aggregate(let n): n.output
        case .join(let n): n.output
        case .sort(let n): n.input.output
        case .limit(let n): n.input.output
        case .window(let n): n.input.output + n.functions.map(\.output)
        case .setOperation(let n): n.output
        }
    }

    /// The direct inputs, left to right.
    public var inputs: [LogicalPlan] {
        switch self {
        case .scan, .values, .empty: []
        case .filter(let n): [n.input]
        case .project(let n): [n.input]
        case .aggregate(let n): [n.input]
        case .join(let n): [n.left, n.right]
        case .sort(let n): [n.input]
        case .limit(let n): [n.input]
        case .window(let n): [n.input]
        case .setOperation(let n): [n.left, n.right]
        }
    }
}
