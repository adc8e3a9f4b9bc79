import LagoaTesting
import LagoaColumnar
import Testing

@testable import LagoaCSV

@Suite("CSV syntax")
struct CSVSyntaxTests {
    @Test("RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes")
    func quoting() async throws {
        let text = "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"line1\nline2\",\"\"\n"
        let (_, rows, _) = try await CSVTestSupport.read(text)
        #expect(rows == [[.string("x,y"), .string("say \"hi\"")], [.string("line1\nline2"), .string("")]])
    }

    @Test("CRLF, bare CR and a missing final line end", arguments: ["a,b\r\n1,2\r\n3,4\r\n", "a,b\r1,2\r3,4", "a,b\n1,2\n3,4"])
    func lineEnds(text: String) async throws {
        let (_, rows, _) = try await CSVTestSupport.read(text)
        #expect(rows == [[.int(1), .int(2)], [.int(3), .int(4)]])
    }

    @Test("a UTF-8 byte-order mark is skipped")
    func byteOrderMark() async throws {
        let (schema, rows, _) = try await CSVTestSupport.read(bytes: [0xEF, 0xBB, 0xBF] + Array("name\nzoë\n".utf8))
        #expect(schema.fields.map(\.name) == ["name"])
        #expect(rows == [[.string("zoë")]])
    }

    @Test("empty lines are skipped when there are several columns, null with one column")
    func blankLines() async throws {
        let several = try await CSVTestSupport.read("a,b\n1,2\n\n3,4\n\n")
        #expect(several.rows.count == 2)
        let single = try await CSVTestSupport.read("a\n1\n\n3\n")
        #expect(single.rows == [[.int(1)], [.null], [.int(3)]])
    }

    @Test("other delimiters and an escape character")
    func dialects() async throws {
        var options = CSVReadOptions(delimiter: ";", quote: "'", escape: "\\")
        options.hasHeader = true
        let (_, rows, _) = try await CSVTestSupport.read("a;b\n'x;\\'y';'p''q'\n", options: options)
        #expect(rows == [[.string("x;'y"), .string("p'q")]])
        let tabs = try await CSVTestSupport.read("a\tb\n1\t\"2\t3\"\n", options: CSVReadOptions(delimiter: "\t"))
        #expect(tabs.rows == [[.int(1), .string("2\t3")]])
    }

    @Test("tiny read chunks and batches give the same rows", arguments: [1, 2, 3, 7, 64])
    func chunkBoundaries(chunk: Int) async throws {
        let text = "id,name,when\r\n1,\"a,\"\"b\"\"\nc\",2024-01-01\r\n2,,2024-02-29\r\n3,\"\",\r\n4,\"x\r\ny\",1999-12-31"
        let expected = try await CSVTestSupport.read(text).rows
        var options = CSVReadOptions()
        options.readChunkSize = chunk
        options.batchSize = 3
        let (_, rows, batches) = try await CSVTestSupport.read(text, options: options)
        #expect(rows == expected)
        #expect(batches.map(\.rowCount) == [3, 1])
        #expect(rows[0][1] == .string("a,\"b\"\nc"))
        #expect(rows[3][1] == .string("x\r\ny"))
    }

    @Test("a long row is read in growing chunks")
    func longRow() async throws {
        let long = String(repeating: "x", count: 100_000)
        var options = CSVReadOptions()
        options.readChunkSize = 16
        let (_, rows, _) = try await CSVTestSupport.read("a,b\n\(long),1\n", options: options)
        #expect(rows == [[.string(long), .int(1)]])
    }

    @Test("the reader is an async sequence of batches")
    func asyncSequence() async throws {
        var options = CSVReadOptions()
        options.batchSize = 2
        let reader = try await CSVReader(source: InMemorySourceFactory.make("a\n1\n2\n3\n"), options: options)
        var counts: [Int] = []
        for try await batch in reader { counts.append(batch.rowCount) }
        #expect(counts == [2, 1])
    }

    @Test("reads a fixture file from disk")
    func fixtureFile() async throws {
        var reader = try await CSVReader(path: TestPaths.testData("csv/" + "quoted_crlf_bom.csv"))
        let rows = try await reader.readAll().flatMap { b in (0..<b.rowCount).map { b.row($0) } }
        #expect(reader.schema.fields.map(\.name) == ["id", "comment", "amount"])
        #expect(reader.schema.fields.map(\.type) == [.int64, .string, .float64])
        #expect(rows == [
            [.int(1), .string("plain"), .double(1.5)],
            [.int(2), .string("with, comma"), .double(-2)],
            [.int(3), .string("with \"quotes\""), .null],
            [.int(4), .string("two\r\nlines"), .double(1e10)],
        ])
    }
}

import LagoaCore

enum InMemorySourceFactory {
    static func make(_ text: String, name: String = "test.csv") -> InMemorySource {
        InMemorySource(name: name, bytes: Array(text.utf8))
    }
}
