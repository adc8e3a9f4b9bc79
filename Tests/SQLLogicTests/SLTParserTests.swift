import LagoaSQLLogicTest
import Testing

@Suite("sqllogictest parser")
struct SLTParserTests {
    @Test("statements, queries, comments and halt")
    func records() throws {
        let text = """
            # name: example
            statement ok
            CREATE TABLE t (a INT)

            statement error does not exist
            SELECT * FROM missing

            query IT rowsort label-1
            SELECT a, b
            FROM t
            ----
            1\tx
            2\t(empty)

            halt

            query I
            SELECT 1
            ----
            1
            """
        let records = try SLTParser.parse(text)
        #expect(records.count == 5)
        #expect(records[0].kind == .statementOK)
        #expect(records[0].sql == "CREATE TABLE t (a INT)")
        #expect(records[0].line == 2)
        #expect(records[1].kind == .statementError(expected: "does not exist"))
        #expect(records[2].kind == .query(types: [.integer, .text], sortMode: .rowSort, label: "label-1", expected: ["1\tx", "2\t(empty)"]))
        #expect(records[2].sql == "SELECT a, b\nFROM t")
        #expect(records[2].separatorIndex == 10)
        #expect(records[2].endIndex == 13)
        #expect(records[3].kind == .halt)
    }

    @Test("statement error with the message below ----")
    func errorBelowSeparator() throws {
        let records = try SLTParser.parse("statement error\nSELECT 1/0\n----\nDivision by zero\n")
        #expect(records[0].kind == .statementError(expected: "Division by zero"))
        #expect(records[0].sql == "SELECT 1/0")
    }

    @Test("skipif lagoa and onlyif another engine skip the next record; require and mode are ignored")
    func conditions() throws {
        let text = """
            require parquet
            mode output_result
            hash-threshold 8

            skipif lagoa
            statement ok
            SELECT 1

            onlyif duckdb
            statement ok
            SELECT 2

            onlyif lagoa
            statement ok
            SELECT 3

            skipif duckdb
            statement ok
            SELECT 4
            """
        let records = try SLTParser.parse(text)
        #expect(records.map(\.isSkipped) == [true, true, false, false])
    }

    @Test("an unknown directive names file and line")
    func unknownDirective() {
        let error = #expect(throws: SLTError.self) { try SLTParser.parse("statement ok\nSELECT 1\n\nbogus line\n", path: "x.slt") }
        #expect(error?.message.hasPrefix("x.slt:4: unknown directive 'bogus'") == true)
    }

    @Test("a query without type letters or SQL is rejected")
    func malformedQuery() {
        #expect(throws: SLTError.self) { try SLTParser.parse("query\nSELECT 1\n") }
        #expect(throws: SLTError.self) { try SLTParser.parse("query I\n\nSELECT 1\n") }
        #expect(throws: SLTError.self) { try SLTParser.parse("statement maybe\nSELECT 1\n") }
    }
}
