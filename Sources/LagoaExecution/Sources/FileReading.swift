import LagoaColumnar
import LagoaCore
import LagoaCSV
import LagoaJSON
import LagoaObjectStore
import LagoaParquet

/// Opening files of a ``FileTableSource``: readers, schemas, and the error messages that name the file.
enum FileReading {
    /// The schema of `file` as its format reads it.
    static func schema(of file: ObjectMeta, in store: any ObjectStore, format: FileFormat) async throws -> Schema {
        switch format {
        case .parquet:
            let reader = try await openParquet(file, in: store)
            return Schema(reader.schema.arrowSchema.fields.map { Field($0.name, $0.type, nullable: true) })
        case .csv(let options):
            return try await openCSV(file, in: store, options: options).schema
        case .json:
            return try await openJSON(file, in: store, options: JSONReadOptions()).schema
        }
    }

    static func openParquet(_ file: ObjectMeta, in store: any ObjectStore) async throws -> ParquetFileReader {
        do {
            return try await ParquetFileReader(source: ObjectStoreSource(store: store, path: file.path, size: file.size))
        } catch {
            throw unreadable(file, in: store, "Parquet", error)
        }
    }

    static func openCSV(_ file: ObjectMeta, in store: any ObjectStore, options: CSVReadOptions) async throws -> CSVReader {
        do {
            return try await CSVReader(source: ObjectStoreSource(store: store, path: file.path, size: file.size), options: options)
        } catch {
            throw unreadable(file, in: store, "CSV", error)
        }
    }

    /// A JSON-lines reader; a file holding one top-level array is first rewritten as lines.
    static func openJSON(_ file: ObjectMeta, in store: any ObjectStore, options: JSONReadOptions) async throws -> JSONLinesReader {
        do {
            let source = ObjectStoreSource(store: store, path: file.path, size: file.size)
            let head = try await source.read(offset: 0, length: Int(min(file.size, 4096)))
            if let firstByte = head.first(where: { !JSONArrayLines.isSpace($0) && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }), firstByte == UInt8(ascii: "[") {
                let bytes = try await store.get(file.path)
                let lines = try JSONArrayLines.split(bytes, name: source.name)
                return try await JSONLinesReader(source: InMemorySource(name: source.name, bytes: lines), options: options)
            }
            return try await JSONLinesReader(source: source, options: options)
        } catch {
            throw unreadable(file, in: store, "JSON", error)
        }
    }

    static func unreadable(_ file: ObjectMeta, in store: any ObjectStore, _ format: String, _ error: any Error) -> ExecutionError {
        if let error = error as? ExecutionError { return error }
        return ExecutionError(.io, "cannot read \(store.url)/\(file.path) as \(format): \(error)", cause: error)
    }

    /// `batch` shaped like `target`: columns by name, NULLs for columns the file lacks.
    /// - Throws: ``ExecutionError`` when a column's type differs from the table's.
    static func conform(_ batch: RecordBatch, to target: Schema, file: String) throws -> RecordBatch {
        var columns: [Column] = []
        columns.reserveCapacity(target.fields.count)
        for field in target.fields {
            guard let index = batch.schema.index(of: field.name) else {
                columns.append(ColumnExpansion.repeating(.null, type: field.type, count: batch.rowCount))
                continue
            }
            let column = batch.columns[index]
            guard column.type == field.type else {
                throw ExecutionError(
                    .invalidData,
                    "\(file): column '\(field.name)' is \(column.type) but the first file of the scan has \(field.type); read files with one schema at a time"
                )
            }
            columns.append(column)
        }
        return RecordBatch(schema: target, columns: columns, rowCount: batch.rowCount)
    }
}
