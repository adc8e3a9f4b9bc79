import LagoaIceberg
import Testing

@Suite struct NamesTests {
    @Test func parsesNestedNames() throws {
        let table = try TableIdentifier(parsing: "sales.sor.orders")
        #expect(table.namespace.levels == ["sales", "sor"])
        #expect(table.name == "orders")
        #expect(table.description == "sales.sor.orders")
        #expect(table.namespace.parent == (try Namespace(["sales"])))
    }

    @Test(arguments: [
        ("orders", "table name 'orders' has no namespace; write it as namespace.table, e.g. sales.sor.orders"),
        ("sales..orders", "namespace name is empty; names look like 'sales.sor.orders'"),
        ("sales.../etc", "namespace name is empty; names look like 'sales.sor.orders'"),
        ("sales./etc", "table name '/etc' may only contain letters, digits, '_' and '-' (not at the start)"),
        ("sa les.t", "namespace name 'sa les' may only contain letters, digits, '_' and '-' (not at the start)"),
    ])
    func rejectsBadNames(_ name: String, _ message: String) {
        #expect {
            _ = try TableIdentifier(parsing: name)
        } throws: { error in
            (error as? IcebergError)?.message == message
        }
    }
}
