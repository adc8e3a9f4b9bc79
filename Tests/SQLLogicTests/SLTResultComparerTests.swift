import LagoaColumnar
import LagoaSQLLogicTest
import Testing

@Suite("sqllogictest result comparison and formatting")
struct SLTResultComparerTests {
    let comparer = SLTResultComparer()

    private func cells(_ rows: [[String]], approximate: Bool = false) -> [[SLTCell]] {
        rows.map { $0.map { SLTCell($0, isApproximate: approximate) } }
    }

    @Test("nosort compares in order and names the first differing row")
    func noSort() {
        let actual = cells([["1", "a"], ["2", "b"]])
        #expect(comparer.difference(actual: actual, expected: ["1\ta", "2\tb"], columns: 2, sortMode: .noSort) == nil)
        let difference = comparer.difference(actual: actual, expected: ["2\tb", "1\ta"], columns: 2, sortMode: .noSort)
        #expect(difference == "row 1: expected '2\tb', got '1\ta'")
        #expect(comparer.difference(actual: actual, expected: ["1\ta"], columns: 2, sortMode: .noSort) == "expected 1 rows, got 2")
    }

    @Test("rowsort and valuesort ignore order")
    func sorting() {
        let actual = cells([["2", "b"], ["1", "a"]])
        #expect(comparer.difference(actual: actual, expected: ["1\ta", "2\tb"], columns: 2, sortMode: .rowSort) == nil)
        #expect(comparer.difference(actual: actual, expected: ["1", "2", "a", "b"], columns: 2, sortMode: .valueSort) == nil)
        #expect(comparer.difference(actual: actual, expected: ["1", "2", "a", "c"], columns: 2, sortMode: .valueSort) != nil)
    }

    @Test("space-separated rows and one value per line are accepted")
    func layouts() {
        let actual = cells([["1", "a"], ["2", "b"]])
        #expect(comparer.difference(actual: actual, expected: ["1 a", "2  b"], columns: 2, sortMode: .noSort) == nil)
        #expect(comparer.difference(actual: actual, expected: ["1", "a", "2", "b"], columns: 2, sortMode: .noSort) == nil)
    }

    @Test("floating point matches within the tolerance; decimals and text only exactly")
    func tolerance() {
        #expect(comparer.difference(actual: cells([["0.3"]], approximate: true), expected: ["0.30000000000000004"], columns: 1, sortMode: .noSort) == nil)
        #expect(comparer.difference(actual: cells([["0.3"]], approximate: true), expected: ["0.31"], columns: 1, sortMode: .noSort) != nil)
        #expect(comparer.difference(actual: cells([["0.30"]]), expected: ["0.3"], columns: 1, sortMode: .noSort) != nil)
        let loose = SLTResultComparer(relativeTolerance: 0.1)
        #expect(loose.difference(actual: cells([["0.3"]], approximate: true), expected: ["0.31"], columns: 1, sortMode: .noSort) == nil)
    }

    @Test(
        "values are written as sqllogictest text",
        arguments: [
            (Value.null, "NULL"), (.string(""), "(empty)"), (.string("a\tb"), "a\\tb"), (.bool(true), "true"),
            (.int(-7), "-7"), (.double(2), "2.0"), (.double(0.1 + 0.2), "0.3"), (.double(1e-5), "1e-05"),
            (.double(.nan), "NaN"), (.double(-.infinity), "-inf"), (.decimal(1250, scale: 2), "12.50"),
            (.date(19723), "2024-01-01"), (.double(0), "0.0"), (.double(123456.789), "123456.789"),
        ]
    )
    func formatting(_ value: Value, _ text: String) {
        #expect(SLTValueFormatter.text(value) == text)
    }

    @Test("error patterns: substring, regular expression, DuckDB's <REGEX>: prefix")
    func errorPatterns() {
        let message = "Catalog Error: table 'foo' does not exist; did you mean 'food'?"
        #expect(SLTRunner.message(message, matches: "does not exist"))
        #expect(SLTRunner.message(message, matches: "table '.*' does not exist"))
        #expect(SLTRunner.message(message, matches: "<REGEX>:.*did you mean 'fo+d'.*"))
        #expect(!SLTRunner.message(message, matches: "syntax error"))
    }

    @Test("column types map to type letters")
    func typeLetters() {
        #expect(SLTRunner.columnType(.int32) == .integer)
        #expect(SLTRunner.columnType(.decimal128(precision: 15, scale: 2)) == .real)
        #expect(SLTRunner.columnType(.float64) == .real)
        #expect(SLTRunner.columnType(.string) == .text)
        #expect(SLTRunner.columnType(.boolean) == .boolean)
        #expect(SLTRunner.columnType(.date32) == .date)
    }
}
