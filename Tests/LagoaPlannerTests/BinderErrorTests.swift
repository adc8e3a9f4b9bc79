import LagoaPlanner
import Testing

@Suite("Binder errors") struct BinderErrorTests {
    @Test("messages name the problem and suggest the nearest names", arguments: [
        ("SELECT * FROM lineitm", "table \"lineitm\" does not exist; did you mean \"lineitem\"?"),
        ("SELECT * FROM tpch.ordrs", "table \"tpch.ordrs\" does not exist; did you mean \"tpch.orders\"?"),
        ("SELECT * FROM nothing_like_it", "table \"nothing_like_it\" does not exist"),
        ("SELECT l_orderky FROM lineitem", "column \"l_orderky\" does not exist; did you mean \"l_orderkey\"?"),
        ("SELECT x.n_name FROM nation", "column \"x.n_name\" does not exist: no table \"x\" in FROM"),
        (
            "SELECT n_name FROM nation a, nation b",
            "column reference \"n_name\" is ambiguous (it could be a.n_name or b.n_name); qualify it with a table name"
        ),
        ("SELECT 1 FROM nation WHERE sum(n_nationkey) > 1", "aggregate functions are not allowed in WHERE"),
        (
            "SELECT n_name, count(*) FROM nation GROUP BY n_regionkey",
            "column \"n_name\" must appear in the GROUP BY clause or be used in an aggregate function"
        ),
        ("SELECT n_name FROM nation ORDER BY 3", "ORDER BY position 3 is not in select list (it has 1 columns)"),
        ("SELECT * FROM nation WHERE n_nationkey", "argument of WHERE must be boolean, not int32: n_nationkey"),
        ("SELECT n_name FROM nation UNION SELECT n_name, n_nationkey FROM nation", "each UNION query must have the same number of columns; the left has 1 and the right 2"),
        ("SELECT frobnicate(n_name) FROM nation", "function \"frobnicate\" does not exist"),
        ("SELECT CAST('x' AS nosuchtype)", "type \"nosuchtype\" does not exist"),
    ])
    func messages(_ sql: String, _ message: String) async throws {
        let error = await Planning.bindError(sql)
        #expect(error?.message == message)
    }

    @Test("type errors name both types and the expression text")
    func typeError() async throws {
        let error = try #require(await Planning.bindError("SELECT n_name + 1 FROM nation"))
        #expect(error.code == .typeMismatch)
        #expect(error.message == "operator + cannot be applied to string and int32 in \"n_name + 1\"; add an explicit CAST")
        #expect(error.span == 7..<17)
    }

    @Test("unknown names carry the span of the name")
    func spans() async throws {
        let error = try #require(await Planning.bindError("SELECT n_nme FROM nation"))
        #expect(error.span == 7..<12)
        #expect(error.code == .unknownColumn)
    }
}
