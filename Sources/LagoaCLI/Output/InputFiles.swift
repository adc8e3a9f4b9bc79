import ArgumentParser
import LagoaColumnar
import LagoaCSV
import LagoaJSON

/// The rows of one or more CSV, JSON lines or Parquet files, read in order, as one async sequence
/// (what table writes take). Each file's types are inferred separately; the table converts them.
struct InputFiles: AsyncSequence, Sendable {
    typealias Element = RecordBatch

    let paths: [String]
    let typeOverrides: [String: DataType]

    init(_ paths: [String], typeOverrides: [String: DataType] = [:]) {
        self.paths = paths
        self.typeOverrides = typeOverrides
    }

    var options: BatchSource.Options {
        var csv = CSVReadOptions()
        csv.columnTypes = typeOverrides
        var json = JSONReadOptions()
        json.columnTypes = typeOverrides
        return BatchSource.Options(csv: csv, json: json, typeOverrides: typeOverrides)
    }

    /// The schema of the first file.
    func firstSchema() async throws -> Schema {
        guard let first = paths.first else { throw ValidationError("name at least one input file") }
        return try await BatchSource.open(first, format: try FileFormat(path: first), options: options).schema
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        let files: InputFiles
        var index = 0
        var current: BatchSource?

        mutating func next() async throws -> RecordBatch? {
            while true {
                if current == nil {
                    guard index < files.paths.count else { return nil }
                    let path = files.paths[index]
                    index += 1
                    current = try await BatchSource.open(path, format: try FileFormat(path: path), options: files.options)
                }
                if let batch = try await current!.next() { return batch }
                current = nil
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(files: self)
    }
}
