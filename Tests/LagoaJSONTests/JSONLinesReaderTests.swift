import LagoaTesting
import LagoaColumnar
import LagoaCore
import Testing

@testable import LagoaJSON

@Suite("JSON-lines reader")
struct JSONLinesReaderTests {
    @Test("blank lines, CRLF, a byte-order mark and a missing final newline")
    func lineHandling() async throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}\r\n\r\n   \n{\"a\": 2}\n\n{\"a\": 3}".utf8)
        let (_, rows, _) = try await JSONTestSupport.read(bytes: bytes)
        #expect(rows == [[.int(1)], [.int(2)], [.int(3)]])
    }

    @Test("tiny read chunks and batches give the same rows", arguments: [1, 2, 7, 64])
    func chunkBoundaries(chunk: Int) async throws {
        let text = """
            {"id": 1, "s": "a\\"b\\u00e9", "n": {"x": [1, 2]}}
            {"id": 2, "s": "😀", "n": {"x": []}}

            {"id": 3, "s": null, "n": null}
            {"s": "last", "id": 4}
            """
        let expected = try await JSONTestSupport.read(text).rows
        var options = JSONReadOptions(batchSize: 3)
        options.readChunkSize = chunk
        let (_, rows, batches) = try await JSONTestSupport.read(text, options: options)
        #expect(rows == expected)
        #expect(batches.map(\.rowCount) == [3, 1])
        #expect(rows[0][1] == .string("a\"bé"))
        #expect(rows[3] == [.int(4), .string("last"), .null])
    }

    @Test("maps from objects and from key/value arrays")
    func maps() async throws {
        let stringMap = DataType.map(key: Field("key", .string, nullable: false), value: Field("value", .int64), keysSorted: false)
        let intMap = DataType.map(key: Field("key", .int64, nullable: false), value: Field("value", .string), keysSorted: false)
        let options = JSONReadOptions(columnTypes: ["m": stringMap, "k": intMap])
        let (_, rows, _) = try await JSONTestSupport.read(
            #"{"m": {"a": 1, "b": null}, "k": [{"key": 5, "value": "five"}]}"#,
            options: options
        )
        #expect(rows[0] == [
            .map(keys: [.string("a"), .string("b")], values: [.int(1), .null]),
            .map(keys: [.int(5)], values: [.string("five")]),
        ])
    }

    @Test("syntax errors name the file, line and column")
    func syntaxErrors() async {
        let bad = await JSONTestSupport.errorMessage {
            _ = try await JSONTestSupport.read("{\"a\": 1}\n\n{\"a\": 2,, \"b\": 3}\n", name: "events.jsonl")
        }
        #expect(bad == "'events.jsonl' line 3, column 9: expected a string key, found ','")
        let notObject = await JSONTestSupport.errorMessage {
            _ = try await JSONTestSupport.read("{\"a\": 1}\n  [1, 2]\n", name: "events.jsonl")
        }
        #expect(notObject == "'events.jsonl' line 2, column 3: each line must be a JSON object, found an array")
        let deep = await JSONTestSupport.errorMessage {
            _ = try await JSONTestSupport.read("{\"a\": [[[1]]]}\n", name: "e.jsonl", options: JSONReadOptions(maxDepth: 3))
        }
        #expect(deep == "'e.jsonl' line 1, column 9: JSON nested deeper than 3 levels")
    }

    @Test("a value that does not fit its type names the field, type and fix")
    func valueErrors() async {
        let message = await JSONTestSupport.errorMessage {
            _ = try await JSONTestSupport.read(
                "{\"age\": 1}\n{\"age\": 2}\n{\"age\": \"ten\"}\n",
                name: "people.jsonl",
                options: JSONReadOptions(sampleRows: 2)
            )
        }
        #expect(message == "'people.jsonl' line 3, field 'age': expected int64 but found string \"ten\"; pass --type age=string to read the field as text")
        let nested = await JSONTestSupport.errorMessage {
            _ = try await JSONTestSupport.read(
                "{\"u\": {\"n\": [1]}}\n{\"u\": {\"n\": [1.5]}}\n",
                name: "p.jsonl",
                options: JSONReadOptions(sampleRows: 1)
            )
        }
        #expect(nested == "'p.jsonl' line 2, field 'u.n': expected int64 but found number 1.5; pass --type u=string to read the field as text")
        let small = await JSONTestSupport.errorMessage {
            _ = try await JSONTestSupport.read("{\"b\": 300}\n", name: "p.jsonl", options: JSONReadOptions(columnTypes: ["b": .uint8]))
        }
        #expect(small == "'p.jsonl' line 1, field 'b': expected uint8 but found number 300; pass --type b=string to read the field as text")
    }

    @Test("reads fixture files; every bad fixture has its exact message")
    func fixtures() async throws {
        var reader = try await JSONLinesReader(path: TestPaths.testData("json/" + "events.jsonl"))
        let rows = try await reader.readAll().flatMap { b in (0..<b.rowCount).map { b.row($0) } }
        #expect(reader.schema.fields.map(\.name) == ["id", "at", "user", "tags", "amount"])
        #expect(reader.schema.fields[1].type == .timestamp(.microsecond, timeZone: "UTC"))
        #expect(rows.count == 4)
        #expect(rows[3][4] == .double(-0.5))

        let cases = [
            "bad/trailing_comma.jsonl": "line 2, column 22: expected a string key, found '}'",
            "bad/lone_surrogate.jsonl": "line 1, column 11: unpaired surrogate \\uD800 in a string",
            "bad/not_object.jsonl": "line 3, column 1: each line must be a JSON object, found string \"just text\"",
        ]
        #expect(Set((try TestPaths.files(in: TestPaths.testData("json/bad"))).map { "bad/" + $0 }) == Set(cases.keys))
        for (file, expected) in cases {
            let path = TestPaths.testData("json/" + file)
            let message = await JSONTestSupport.errorMessage {
                var reader = try await JSONLinesReader(path: path)
                _ = try await reader.readAll()
            }
            #expect(message == "'\(path)' " + expected)
        }
    }

    @Test("the reader is an async sequence of batches")
    func asyncSequence() async throws {
        let source = InMemorySource(name: "x", bytes: Array("{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n".utf8))
        let reader = try await JSONLinesReader(source: source, options: JSONReadOptions(batchSize: 2))
        var counts: [Int] = []
        for try await batch in reader { counts.append(batch.rowCount) }
        #expect(counts == [2, 1])
    }
}
