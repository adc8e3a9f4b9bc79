import LagoaPlanner
import Testing

@Suite("TPC-H planning") struct TPCHPlanningTests {
    @Test("binds and optimizes", arguments: 1...22)
    func bindsAndOptimizes(_ number: Int) async throws {
        let sql = try Planning.tpchQuery(number)
        let plan = try await Planning.optimize(sql)
        #expect(!plan.hasUndecorrelatedSubquery, "q\(number):\n\(plan.explainText())")
        #expect(plan.crossJoinCount == 0, "q\(number):\n\(plan.explainText())")
    }
}
