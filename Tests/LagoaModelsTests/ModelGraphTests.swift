import LagoaModels
import Testing

@Suite struct ModelGraphTests {
    /// raw_orders → orders → revenue ← customers; orders → late_orders.
    static func graph() throws -> ModelGraph {
        try ModelGraph([
            ("revenue", ["orders", "customers"], "models/sales/spec/revenue.sql"),
            ("orders", ["raw_orders"], "models/sales/sot/orders.sql"),
            ("customers", [], "models/sales/sot/customers.sql"),
            ("raw_orders", [], "models/sales/sot/raw_orders.sql"),
            ("late_orders", ["orders"], "models/logistics/spec/late_orders.sql"),
        ])
    }

    @Test("levels put every model after its refs; a level runs in parallel")
    func levels() throws {
        let g = try Self.graph()
        #expect(g.levels() == [["customers", "raw_orders"], ["orders"], ["late_orders", "revenue"]])
        #expect(g.dependents["orders"] == ["late_orders", "revenue"])
        #expect(g.levels(only: ["revenue", "raw_orders"]) == [["raw_orders"], ["revenue"]])
    }

    @Test("selection: name, name+ downstream, +name upstream, +name+ both")
    func selection() throws {
        let g = try Self.graph()
        #expect(try g.select(["orders"]) == ["orders"])
        #expect(try g.select(["orders+"]) == ["orders", "revenue", "late_orders"])
        #expect(try g.select(["+orders"]) == ["orders", "raw_orders"])
        #expect(try g.select(["+revenue"]) == ["revenue", "orders", "raw_orders", "customers"])
        #expect(try g.select(["+orders+", "customers"]) == ["orders", "raw_orders", "revenue", "late_orders", "customers"])
        do {
            _ = try g.select(["order+"])
            Issue.record("unknown model accepted")
        } catch {
            #expect(error.code == .unknownModel)
            #expect(error.message.hasPrefix("--select order+: no model is named order"))
            #expect(error.message.contains("orders"))
        }
    }

    @Test("a ref to no model, a circle and a duplicate name are refused with their places")
    func errors() throws {
        do {
            _ = try ModelGraph([("a", ["custmers"], "models/a.sql"), ("customers", [], "models/customers.sql")])
            Issue.record("unknown ref accepted")
        } catch {
            #expect(error.code == .unknownModel)
            #expect(error.location == "models/a.sql")
            #expect(error.message.hasPrefix("ref('custmers') names no model"))
            #expect(error.message.contains("customers"))
        }
        do {
            _ = try ModelGraph([("a", ["b"], "a.sql"), ("b", ["c"], "b.sql"), ("c", ["a"], "c.sql"), ("d", [], "d.sql")])
            Issue.record("cycle accepted")
        } catch {
            #expect(error.code == .cycle)
            #expect(error.description == "a.sql: models depend on each other in a circle: a → b → c → a; remove one of these refs")
        }
        do {
            _ = try ModelGraph([("a", [], "x/a.sql"), ("a", [], "y/a.sql")])
            Issue.record("duplicate accepted")
        } catch {
            #expect(error.code == .duplicate)
            #expect(error.message == "two models are named a: x/a.sql and y/a.sql; rename one")
        }
    }
}
