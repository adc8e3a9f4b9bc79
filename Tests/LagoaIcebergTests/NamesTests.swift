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

@Suite struct ExpressionParserTests {
    @Test func parsesPrecedenceAndForms() throws {
        let e = try IcebergExpression(parsing: "day = '2026-11-20' AND (amount > 10.5 OR name IS NULL) and region not in ('n', 'it''s')")
        #expect(e.description == "((day = '2026-11-20' AND (amount > 10.5 OR name IS NULL)) AND NOT region IN ('n', 'it''s'))")
        #expect(try IcebergExpression(parsing: "a.b <> -3").description == "a.b != -3")
        #expect(try IcebergExpression(parsing: "ok = true or x is not null").description == "(ok = true OR x IS NOT NULL)")
    }

    @Test(arguments: [
        ("day = ", "filter 'day = ': expected a value at character 7"),
        ("day = 'x", "filter 'day = 'x': unterminated string starting at character 7"),
        ("(a = 1", "filter '(a = 1': expected ')' at character 7"),
        ("a ~ 1", "filter 'a ~ 1': unexpected character '~' at character 3"),
        ("a = 1 b", "filter 'a = 1 b': unexpected 'b' at character 7"),
        ("= 1", "filter '= 1': expected a column name, found '=' at character 1"),
    ])
    func reportsPositions(_ text: String, _ message: String) {
        #expect {
            _ = try IcebergExpression(parsing: text)
        } throws: { error in
            let m = (error as? IcebergError)?.message
            if m != message { Issue.record("got: \(m ?? "\(error)")") }
            return m == message
        }
    }
}
