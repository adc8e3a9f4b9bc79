import LagoaSQLLogicTest
import Testing

@Suite("sqllogictest --complete rewriter")
struct SLTCompleterTests {
    private func report(_ text: String, _ outcomes: [SLTOutcome]) throws -> SLTFileReport {
        let records = try SLTParser.parse(text)
        return SLTFileReport(path: "t.slt", executed: outcomes.count, mismatches: [], outcomes: outcomes, records: records)
    }

    @Test("rewrites results and keeps comments, conditions and layout")
    func rewritesResults() throws {
        let text = """
            # header comment
            statement ok
            CREATE TABLE t (a INT)

            # a query
            query I rowsort
            SELECT a
              FROM t
            ----
            old

            skipif lagoa
            query I
            SELECT 9
            ----
            untouched

            query TI
            SELECT 'x'
            """
        let outcomes: [SLTOutcome] = [
            .succeeded(rows: [], types: []),
            .succeeded(rows: [[SLTCell("2")], [SLTCell("1")]], types: [.integer]),
            .skipped,
            .succeeded(rows: [[SLTCell("x")]], types: [.text]),
        ]
        let completed = SLTCompleter.complete(text, report: try report(text, outcomes))
        let expected = """
            # header comment
            statement ok
            CREATE TABLE t (a INT)

            # a query
            query I rowsort
            SELECT a
              FROM t
            ----
            1
            2

            skipif lagoa
            query I
            SELECT 9
            ----
            untouched

            query T
            SELECT 'x'
            ----
            x

            """
        #expect(completed == expected)
    }

    @Test("statement outcomes flip between ok and error; matching errors stay as written")
    func statements() throws {
        let text = "statement ok\nSELECT 1/0\n\nstatement error\nSELECT 1\n\nstatement error zero\nSELECT 2/0\n\nquery I\nSELECT nope\n----\n1\n"
        let outcomes: [SLTOutcome] = [
            .failed(message: "division by zero\n  expression: 1/0"),
            .succeeded(rows: [], types: []),
            .failed(message: "division by zero"),
            .failed(message: "column 'nope' not found"),
        ]
        let completed = SLTCompleter.complete(text, report: try report(text, outcomes))
        #expect(
            completed
                == "statement error division by zero\nSELECT 1/0\n\nstatement ok\nSELECT 1\n\nstatement error zero\nSELECT 2/0\n\nstatement error column 'nope' not found\nSELECT nope\n"
        )
    }

    @Test("a completed file parses back to the same records and passes")
    func roundTrip() throws {
        let text = "query IT\nSELECT 1, 'a'\n----\nwrong\n"
        let outcomes: [SLTOutcome] = [.succeeded(rows: [[SLTCell("1"), SLTCell("a")]], types: [.integer, .text])]
        let completed = SLTCompleter.complete(text, report: try report(text, outcomes))
        let records = try SLTParser.parse(completed)
        guard case .query(_, _, _, let expected) = records[0].kind else {
            Issue.record("not a query")
            return
        }
        #expect(expected == ["1\ta"])
    }
}
