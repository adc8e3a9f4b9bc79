import LagoaFunctions

/// Turns `Limit` over `Sort` into a top-N sort (``Sort/fetch`` = limit + offset), merges
/// consecutive limits, and passes a limit into a ``Scan`` when nothing between them filters or
/// changes the row count (projections only).
public struct PushDownLimit: OptimizerRule {
    public var name: String { "PushDownLimit" }
    public init() {}

    public func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        plan.transformDown { node in
            guard case .limit(var limit) = node, let n = limit.limit else { return node }
            let needed = n + limit.offset
            switch limit.input {
            case .sort(var sort):
                sort.fetch = Swift.min(sort.fetch ?? needed, needed)
                limit.input = .sort(sort)
                return .limit(limit)
            case .limit(let inner) where inner.offset == 0:
                let innerLimit = inner.limit ?? needed
                limit.input = inner.input
                limit.limit = Swift.max(0, Swift.min(innerLimit - limit.offset, n))
                return .limit(limit)
            default:
                limit.input = pushIntoScan(limit.input, needed)
                return .limit(limit)
            }
        }
    }

    private func pushIntoScan(_ plan: LogicalPlan, _ needed: Int) -> LogicalPlan {
        switch plan {
        case .scan(var scan) where scan.filters.isEmpty:
            scan.limit = Swift.min(scan.limit ?? needed, needed)
            return .scan(scan)
        case .project(var project):
            project.input = pushIntoScan(project.input, needed)
            return .project(project)
        default:
            return plan
        }
    }
}
