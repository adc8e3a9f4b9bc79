import LagoaPlanner

extension PhysicalPlanner {
    func planScan(_ node: Scan) async throws -> any ExecutionPlan {
        let filters = try await compile(node.filters, input: node.output)
        let scanPlan = try await node.source.partitions(columns: node.columns, filters: node.filters, output: node.output, limit: node.limit)
        return ScanExec(
            schema: Self.schema(node.output),
            sourceName: node.source.displayName,
            partitions: scanPlan.partitions,
            filters: filters,
            limit: node.limit,
            pruningSummary: scanPlan.pruningSummary,
            threads: context.threads
        )
    }
}
