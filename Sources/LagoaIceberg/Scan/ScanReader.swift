import LagoaColumnar
import LagoaParquet

/// Reads the rows of scan tasks: projection by field id, deletes, residual filter.
final class ScanReader: Sendable {
    private let scan: TableScan
    private let output: Schema
    /// The columns read from files: the output plus any the filter or equality deletes need.
    private let readSchema: IcebergSchema
    private let filter: RowFilter?
    private let deleteCache = DeleteCache()

    init(scan: TableScan) throws(IcebergError) {
        self.scan = scan
        self.output = scan.schema
        self.readSchema = scan.readSchema
        let bound = try scan.filter.bind(scan.readSchema)
        self.filter = bound == .alwaysTrue ? nil : RowFilter(bound)
    }

    func read(_ task: FileScanTask) async throws -> [RecordBatch] {
        let io = scan.table.io
        let source = try io.source(task.file.filePath, size: task.file.fileSizeInBytes)
        let reader: ParquetFileReader
        do {
            reader = try await ParquetFileReader(source: source)
        } catch {
            throw IcebergError.wrap(error, "reading data file \(task.file.filePath)")
        }
        // Everything the output, the filter and equality deletes need, as top-level columns.
        var needed = Set(output.fields.compactMap(\.id))
        if let filter { needed.formUnion(Self.topLevelIDs(filter.expression.fieldIDs, readSchema)) }
        let equalityDeletes = task.deletes.filter { $0.content == .equalityDeletes }
        for d in equalityDeletes { needed.formUnion(Self.topLevelIDs(Set(d.equalityIDs ?? []), readSchema)) }
        let wide = Schema(readSchema.fields.filter { needed.contains($0.id) }.map(\.arrowField))
        let fileFields = reader.arrowSchemaFields
        let fileColumns = fileFields.filter { f in
            wide.fields.contains { $0.id == f.id && f.id != nil } || (f.id == nil && wide.fields.contains { $0.name == f.name })
        }.map(\.name)

        let positions = try await deleteCache.positions(for: task.file.filePath, in: task.deletes.filter { $0.content == .positionDeletes }, io: io)
        var equality: [(ids: [Int32], keys: Set<[IcebergValue?]>)] = []
        for d in equalityDeletes { equality.append(try await deleteCache.equalityKeys(d, schema: readSchema, io: io)) }

        var out: [RecordBatch] = []
        var rowOffset: Int64 = 0
        var options = ParquetReadOptions()
        options.columns = fileColumns
        do {
            for try await raw in reader.batches(options) {
                var batch = try FieldProjection.project(raw, to: wide, file: task.file.filePath)
                let start = rowOffset
                rowOffset += Int64(batch.rowCount)
                var keep = [Bool](repeating: true, count: batch.rowCount)
                if !positions.isEmpty {
                    for i in 0..<batch.rowCount where positions.contains(start + Int64(i)) { keep[i] = false }
                }
                for (ids, keys) in equality {
                    let cols = ids.map { RowFilter.column(id: $0, in: batch) }
                    let types = ids.map { readSchema.field(id: $0)?.type ?? .string }
                    for i in 0..<batch.rowCount where keep[i] {
                        let key = zip(cols, types).map { c, t in c.flatMap { IcebergValue.from($0, i, t) } }
                        if keys.contains(key) { keep[i] = false }
                    }
                }
                if let filter {
                    for (i, m) in try filter.matches(batch).enumerated() where !m { keep[i] = false }
                }
                if keep.contains(false) {
                    batch = batch.take(keep.indices.filter { keep[$0] })
                }
                out.append(try FieldProjection.project(batch, to: output, file: task.file.filePath))
            }
        } catch let error as IcebergError {
            throw error
        } catch {
            throw IcebergError.wrap(error, "reading data file \(task.file.filePath)")
        }
        return out
    }

    /// The top-level columns that contain the fields `ids`.
    static func topLevelIDs(_ ids: Set<Int32>, _ schema: IcebergSchema) -> Set<Int32> {
        var out: Set<Int32> = []
        for field in schema.fields {
            let inside = Set(IcebergSchema(fields: [field]).allFields.map(\.id))
            if !inside.isDisjoint(with: ids) { out.insert(field.id) }
        }
        return out
    }
}

extension ParquetFileReader {
    /// The file's top-level columns as columnar fields (with Parquet field ids when present).
    var arrowSchemaFields: [Field] {
        schema.arrowSchema.fields
    }
}
