#if canImport(Glibc)
import Glibc
#endif
import LagoaColumnar
import LagoaCore

@testable import LagoaJSON

/// Helpers shared by the JSON suites.
enum JSONTestSupport {
    /// Reads `text` as a JSON-lines source and returns the schema, all rows and the batches.
    static func read(
        _ text: String,
        name: String = "test.jsonl",
        options: JSONReadOptions = JSONReadOptions()
    ) async throws -> (schema: Schema, rows: [[Value]], batches: [RecordBatch]) {
        try await read(bytes: Array(text.utf8), name: name, options: options)
    }

    static func read(
        bytes: [UInt8],
        name: String = "test.jsonl",
        options: JSONReadOptions = JSONReadOptions()
    ) async throws -> (schema: Schema, rows: [[Value]], batches: [RecordBatch]) {
        var reader = try await JSONLinesReader(source: InMemorySource(name: name, bytes: bytes), options: options)
        let batches = try await reader.readAll()
        let rows = batches.flatMap { batch in (0..<batch.rowCount).map { batch.row($0) } }
        return (reader.schema, rows, batches)
    }

    /// The message of the ``JSONError`` thrown by `body`, or `nil` if none was thrown.
    static func errorMessage(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
            return nil
        } catch let error as JSONError {
            return error.message
        } catch {
            return "unexpected error: \(error)"
        }
    }

    /// Writes `batch` as JSON lines and returns the text.
    static func text(_ batch: RecordBatch) async throws -> String {
        String(decoding: try await JSONLinesWriter.encode([batch], schema: batch.schema), as: UTF8.self)
    }
}
