public import LagoaPlanner

/// Turns an optimized `LogicalPlan` into an ``ExecutionPlan`` tree. One extension file per node
/// kind (PhysicalPlanner+Join.swift, …).
public struct PhysicalPlanner: Sendable {
    public let context: TaskContext

    public init(context: TaskContext) {
        self.context = context
    }

    public func plan(_ logical: LogicalPlan) async throws -> any ExecutionPlan {
        switch logical {
        case .scan(let node): try await planScan(node)
        case .values(let node): try await planValues(node)
        case .empty(let node): try await planEmpty(node)
        case .filter(let node): try await planFilter(node)
        case .project(let node): try await planProject(node)
        case .aggregate(let node): try await planAggregate(node)
        case .join(let node): try await planJoin(node)
        case .sort(let node): try await planSort(node)
        case .limit(let node): try await planLimit(node)
        case .window(let node): try await planWindow(node)
        case .setOperation(let node): try await planSetOperation(node)
        }
    }
}
