import LagoaTesting
import LagoaColumnar
import Testing

@testable import LagoaCSV

/// Exact messages for malformed input; each fixture in `TestData/csv/bad/` has a case here.
@Suite("CSV errors")
struct CSVErrorTests {
    @Test("a row with too many or too few fields names the file, line and counts")
    func fieldCount() async {
        let tooMany = await CSVTestSupport.errorMessage {
            _ = try await CSVTestSupport.read("a,b,c\n1,2,3\n4,5,6,7\n", name: "data.csv")
        }
        #expect(tooMany == "'data.csv' line 3 has 4 fields, expected 3 (as in the header); check the delimiter and quoting on that line")
        var options = CSVReadOptions()
        options.hasHeader = false
        options.sampleRows = 1
        options.columnTypes = ["column1": .string]
        let tooFew = await CSVTestSupport.errorMessage {
            _ = try await CSVTestSupport.read("1,2\n\"x\ny\",2\n3\n", name: "data.csv", options: options)
        }
        #expect(tooFew == "'data.csv' line 4 has 1 field, expected 2 (as in the first row); check the delimiter and quoting on that line")
    }

    @Test("a value that does not parse names the line, column, text and type, and the fix")
    func badValue() async {
        var options = CSVReadOptions()
        options.sampleRows = 2
        let message = await CSVTestSupport.errorMessage {
            _ = try await CSVTestSupport.read("id,price\n1,2.5\n2,3\n3,abc\n", name: "prices.csv", options: options)
        }
        #expect(message == "'prices.csv' line 4, column 'price': cannot parse \"abc\" as float64; pass --type price=string to read the column as text")
        options.columnTypes = ["id": .int8]
        let overflow = await CSVTestSupport.errorMessage {
            _ = try await CSVTestSupport.read("id\n127\n128\n", name: "x.csv", options: options)
        }
        #expect(overflow == "'x.csv' line 3, column 'id': cannot parse \"128\" as int8; pass --type id=string to read the column as text")
    }

    @Test("unclosed quotes and text after a closing quote")
    func quoteFaults() async {
        let unclosed = await CSVTestSupport.errorMessage {
            _ = try await CSVTestSupport.read("a,b\n1,\"open\n2,3\n", name: "q.csv")
        }
        #expect(unclosed == "'q.csv' line 2: a quoted field is never closed; check for a stray \" on that line")
        let after = await CSVTestSupport.errorMessage {
            _ = try await CSVTestSupport.read("a,b\n1,2\n3,\"x\ny\"z\n", name: "q.csv")
        }
        #expect(after == "'q.csv' line 4: unexpected 'z' after the closing quote of a field; a quote inside a quoted field must be doubled (\"\")")
    }

    @Test("bad options")
    func options() async {
        var options = CSVReadOptions()
        options.columnTypes = ["nope": .string]
        let unknown = await CSVTestSupport.errorMessage { _ = try await CSVTestSupport.read("a,b\n1,2\n", options: options) }
        #expect(unknown == "type given for unknown CSV column 'nope'; the columns are: a, b")
        options.columnTypes = ["a": .list(Field("item", .int64))]
        let nested = await CSVTestSupport.errorMessage { _ = try await CSVTestSupport.read("a,b\n1,2\n", options: options) }
        #expect(nested == "cannot read CSV column 'a' as list<int64>; CSV columns can only hold scalar types (read it as string)")
        let delimiter = await CSVTestSupport.errorMessage {
            _ = try await CSVTestSupport.read("a\n", options: CSVReadOptions(delimiter: "é"))
        }
        #expect(delimiter == "the CSV delimiter must be one ASCII character, not 'é'")
        let missing = await CSVTestSupport.errorMessage { _ = try await CSVReader(path: "/nonexistent/x.csv") }
        #expect(missing == "cannot open '/nonexistent/x.csv': No such file or directory")
    }

    @Test("after an error the reader returns nil")
    func stopsAfterError() async throws {
        var options = CSVReadOptions()
        options.sampleRows = 1
        var reader = try await CSVReader(source: InMemorySourceFactory.make("a\n1\nx\n2\n"), options: options)
        await #expect(throws: CSVError.self) { _ = try await reader.next() }
        let after = try await reader.next()
        #expect(after == nil)
    }

    static let badFixtureCases = [
        ("bad/field_count.csv", "line 4 has 2 fields, expected 3 (as in the header); check the delimiter and quoting on that line"),
        ("bad/bad_date.csv", "line 3, column 'day': cannot parse \"2024-02-30\" as date32; pass --type day=string to read the column as text"),
        ("bad/unclosed_quote.csv", "line 3: a quoted field is never closed; check for a stray \" on that line"),
    ]

    @Test("every file in TestData/csv/bad has a case below")
    func everyBadFixtureIsTested() throws {
        let files = (try TestPaths.files(in: TestPaths.testData("csv/bad"))).map { "bad/" + $0 }
        #expect(Set(files) == Set(Self.badFixtureCases.map(\.0)))
    }

    @Test("each bad fixture fails with its exact message", arguments: badFixtureCases)
    func badFixtures(file: String, expected: String) async {
        let path = TestPaths.testData("csv/" + file)
        var options = CSVReadOptions()
        options.sampleRows = 1
        let message = await CSVTestSupport.errorMessage {
            var reader = try await CSVReader(path: path, options: options)
            _ = try await reader.readAll()
        }
        #expect(message == "'\(path)' " + expected)
    }
}
