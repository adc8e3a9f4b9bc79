import LagoaColumnar
import LagoaParquet
import Synchronization

/// Delete files read once per scan and shared by every data file they apply to.
final class DeleteCache: Sendable {
    /// Position deletes: data file location → deleted row positions, per delete file.
    private let positionFiles = Mutex<[String: [String: Set<Int64>]]>([:])

    /// The deleted positions of `dataFile` across `deletes`.
    func positions(for dataFile: String, in deletes: [DataFile], io: FileIO) async throws(IcebergError) -> Set<Int64> {
        var out: Set<Int64> = []
        for delete in deletes {
            let byFile: [String: Set<Int64>]
            if let cached = positionFiles.withLock({ $0[delete.filePath] }) {
                byFile = cached
            } else {
                byFile = try await Self.readPositions(delete, io: io)
                positionFiles.withLock { $0[delete.filePath] = byFile }
            }
            out.formUnion(byFile[dataFile] ?? byFile[FileIO.normalize(dataFile)] ?? [])
        }
        return out
    }

    /// The key tuples of an equality delete file, over its `equality_ids` columns.
    func equalityKeys(_ delete: DataFile, schema: IcebergSchema, io: FileIO) async throws(IcebergError) -> (ids: [Int32], keys: Set<[IcebergValue?]>) {
        let ids = delete.equalityIDs ?? []
        guard !ids.isEmpty else {
            throw IcebergError(.invalidMetadata, "equality delete file \(delete.filePath) has no equality_ids")
        }
        let fields = try ids.map { (id: Int32) throws(IcebergError) -> NestedField in
            guard let field = schema.field(id: id) else {
                throw IcebergError(.invalidMetadata, "equality delete file \(delete.filePath) uses column id \(id), which the table schema does not have")
            }
            return field
        }
        var keys: Set<[IcebergValue?]> = []
        for batch in try await Self.readAll(delete, io: io) {
            let columns = ids.map { RowFilter.column(id: $0, in: batch) }
            for i in 0..<batch.rowCount {
                keys.insert(zip(columns, fields).map { c, f in c.flatMap { IcebergValue.from($0, i, f.type) } })
            }
        }
        return (ids, keys)
    }

    private static func readPositions(_ delete: DataFile, io: FileIO) async throws(IcebergError) -> [String: Set<Int64>] {
        var out: [String: Set<Int64>] = [:]
        for batch in try await readAll(delete, io: io) {
            // Spec ids: file_path 2147483546, pos 2147483545; fall back to the names.
            let path = RowFilter.column(id: 2_147_483_546, in: batch) ?? batch.column(named: "file_path")
            let pos = RowFilter.column(id: 2_147_483_545, in: batch) ?? batch.column(named: "pos")
            guard let path, let pos else {
                throw IcebergError(.invalidMetadata, "position delete file \(delete.filePath) has no file_path and pos columns")
            }
            for i in 0..<batch.rowCount where path.isValid(i) && pos.isValid(i) {
                guard case .int(let p) = pos.value(at: i) else { continue }
                out[path.string(at: i), default: []].insert(p)
            }
        }
        return out
    }

    private static func readAll(_ file: DataFile, io: FileIO) async throws(IcebergError) -> [RecordBatch] {
        guard file.fileFormat.uppercased() == "PARQUET" else {
            throw IcebergError(.unsupported, "delete file \(file.filePath) is \(file.fileFormat); Lagoa reads Parquet delete files")
        }
        do {
            let reader = try await ParquetFileReader(source: try io.source(file.filePath, size: file.fileSizeInBytes))
            return try await reader.readAll()
        } catch let error as IcebergError {
            throw error
        } catch {
            throw IcebergError.wrap(error, "reading delete file \(file.filePath)")
        }
    }
}
