import Foundation
import LagoaSQL
import LagoaTesting
import Testing

@Suite struct TPCHQueryTests {
    static let queryNumbers = Array(1...22)

    static func text(_ number: Int) throws -> String {
        let name = number < 10 ? "q0\(number).sql" : "q\(number).sql"
        return try String(contentsOfFile: TestPaths.testData("tpch/queries/" + name), encoding: .utf8)
    }

    @Test("TPC-H query parses, unparses and parses back to an equal AST", arguments: queryNumbers)
    func roundTrip(number: Int) throws {
        let sql = try Self.text(number)
        let statement = try Parser.parseStatement(sql)
        guard case .query = statement else {
            Issue.record("Q\(number) is not a query")
            return
        }
        let canonical = Unparser.statement(statement)
        let reparsed = try Parser.parseStatement(canonical)
        #expect(reparsed == statement, "Q\(number) canonical text: \(canonical)")
        // The canonical text is a fixed point.
        #expect(Unparser.statement(reparsed) == canonical)
    }

    @Test("All 22 queries parse as one script")
    func script() throws {
        let script = try Self.queryNumbers.map(Self.text).joined(separator: "\n")
        #expect(try Parser.parse(script).count == 22)
        #expect(SQLSplitter.split(script).count == 22)
    }

    @Test("Q15's CTE, Q13's column aliases and Q22's SUBSTRING parse to the expected shapes")
    func shapes() throws {
        guard case .query(let q15) = try Parser.parseStatement(try Self.text(15)) else { throw Failure() }
        #expect(q15.with.map(\.name.value) == ["revenue0"])
        #expect(q15.with.first?.columns.map(\.value) == ["supplier_no", "total_revenue"])

        guard case .query(let q13) = try Parser.parseStatement(try Self.text(13)),
            case .select(let select13) = q13.body,
            case .subquery(_, let alias)? = select13.from.first?.kind
        else { throw Failure() }
        #expect(alias == TableAlias(name: Identifier("c_orders"), columns: [Identifier("c_custkey"), Identifier("c_count")]))

        guard case .query(let q22) = try Parser.parseStatement(try Self.text(22)),
            case .select(let outer) = q22.body,
            case .subquery(let inner, _)? = outer.from.first?.kind,
            case .select(let select22) = inner.body,
            case .expression(let first, let firstAlias)? = select22.items.first
        else { throw Failure() }
        #expect(firstAlias?.value == "cntrycode")
        let phone = Expression(.column(QualifiedName("c_phone")))
        let one = Expression(.literal(.integer("1")))
        let two = Expression(.literal(.integer("2")))
        #expect(first == Expression(.substring(phone, from: one, for: two)))
    }

    @Test("A script of 20 copies of the 22 queries parses to 440 statements")
    func longScript() throws {
        let one = try Self.queryNumbers.map(Self.text).joined(separator: "\n")
        let many = String(repeating: one + "\n", count: 20)
        #expect(try Parser.parse(many).count == 22 * 20)
    }

    struct Failure: Error {}
}
