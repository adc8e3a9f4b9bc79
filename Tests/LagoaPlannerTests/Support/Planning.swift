import Foundation
import LagoaFunctions
import LagoaPlanner
import LagoaSQL
import LagoaTesting

/// Parse → bind → optimize helpers shared by the suites.
enum Planning {
    static func bind(_ sql: String, catalog: any CatalogProvider = TPCHCatalog()) async throws -> (BoundQuery, Binder) {
        guard case .query(let query) = try Parser.parseStatement(sql) else { fatalError("not a query: \(sql)") }
        let binder = Binder(catalog: catalog, sql: sql)
        return (try await binder.bind(query), binder)
    }

    static func optimize(_ sql: String, catalog: any CatalogProvider = TPCHCatalog()) async throws -> LogicalPlan {
        let (bound, binder) = try await bind(sql, catalog: catalog)
        return try Optimizer().optimize(bound.plan, ids: binder.ids)
    }

    static func tpchQuery(_ number: Int) throws -> String {
        let name = number < 10 ? "q0\(number).sql" : "q\(number).sql"
        let path = TestPaths.testData("tpch/queries/\(name)")
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// The error a statement fails to bind with.
    static func bindError(_ sql: String) async -> PlannerError? {
        do {
            _ = try await bind(sql)
            return nil
        } catch let error as PlannerError {
            return error
        } catch {
            return nil
        }
    }
}

extension LogicalPlan {
    /// Every node, pre-order, including nodes of subqueries inside expressions.
    var allNodes: [LogicalPlan] {
        var nodes: [LogicalPlan] = []
        forEachNode { node in
            nodes.append(node)
            for sub in node.subqueries { nodes += sub.allNodes }
        }
        return nodes
    }

    /// Whether any EXISTS / IN subquery or correlated scalar subquery is left.
    var hasUndecorrelatedSubquery: Bool {
        allNodes.contains { node in
            node.expressions.contains { e in
                var found = false
                e.forEach { x in
                    switch x {
                    case .exists, .inSubquery: found = true
                    case .scalarSubquery(let p, _) where p.isCorrelated: found = true
                    default: break
                    }
                }
                return found
            }
        }
    }

    var crossJoinCount: Int {
        allNodes.filter { if case .join(let j) = $0, j.kind == .cross { true } else { false } }.count
    }
}
