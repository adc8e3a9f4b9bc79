#if canImport(Glibc)
import Glibc
#endif
import LagoaColumnar
import LagoaCore

@testable import LagoaCSV

/// Helpers shared by the CSV suites.
enum CSVTestSupport {
    /// Reads `text` as a CSV source named `name` and returns the schema and all rows as values.
    static func read(
        _ text: String,
        name: String = "test.csv",
        options: CSVReadOptions = CSVReadOptions()
    ) async throws -> (schema: Schema, rows: [[Value]], batches: [RecordBatch]) {
        try await read(bytes: Array(text.utf8), name: name, options: options)
    }

    /// Reads raw bytes as a CSV source.
    static func read(
        bytes: [UInt8],
        name: String = "test.csv",
        options: CSVReadOptions = CSVReadOptions()
    ) async throws -> (schema: Schema, rows: [[Value]], batches: [RecordBatch]) {
        var reader = try await CSVReader(source: InMemorySource(name: name, bytes: bytes), options: options)
        let batches = try await reader.readAll()
        let rows = batches.flatMap { batch in (0..<batch.rowCount).map { batch.row($0) } }
        return (reader.schema, rows, batches)
    }

    /// The message of the ``CSVError`` thrown by `body`, or `nil` if none was thrown.
    static func errorMessage(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
            return nil
        } catch let error as CSVError {
            return error.message
        } catch {
            return "unexpected error: \(error)"
        }
    }
}
