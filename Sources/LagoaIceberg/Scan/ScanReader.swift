public import LagoaColumnar
import LagoaParquet

/// Reads the rows of scan tasks: projection by field id, deletes, residual filter.
///
/// One reader serves every task of a ``TableScan`` (delete files are read once and shared), and
/// may read several tasks concurrently: query engines plan with ``TableScan/planFiles()`` and read
/// each ``FileScanTask`` in parallel with ``read(_:_:)``.
public final class ScanReader: Sendable {
    private let scan: TableScan
    private let output: Schema
    /// The columns read from files: the output plus any the filter or equality deletes need.
    private let readSchema: IcebergSchema
    private let filter: RowFilter?
    private let deleteCache = DeleteCache()

    /// A reader for the tasks of `scan`.
    /// - Throws: ``IcebergError`` when the scan's filter does not bind to its schema.
    public init(scan: TableScan) throws(IcebergError) {
        self.scan = scan
        self.output = scan.schema
        self.readSchema = scan.readSchema
        let bound = try scan.filter.bind(scan.readSchema)
        self.filter = bound == .alwaysTrue ? nil : RowFilter(bound)
    }

    func read(_ task: FileScanTask) async throws -> [RecordBatch] {
        var out: [RecordBatch] = []
        try await read(task) { out.append($0) }
        return out
    }

    /// Reads one planned task batch by batch: the scan's columns (by field id), with the task's
    /// position and equality deletes and the scan's row filter applied.
    /// - Parameter rowGroups: only these row groups of the data file (clamped to the ones it has;
    ///   an upper bound of `Int.max` reads to the end), so one large file can be read by several
    ///   tasks; `nil` reads them all. ``DataFile/splitOffsets`` tells how many a file has.
    /// - Throws: ``IcebergError`` naming the data file, or the first error `body` throws.
    public func read(_ task: FileScanTask, rowGroups: Range<Int>? = nil, _ body: (RecordBatch) async throws -> Void) async throws {
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

        var rowOffset: Int64 = 0
        var bodyError: (any Error)?
        var options = ParquetReadOptions()
        options.columns = fileColumns
        if let rowGroups {
            let groups = reader.metadata.rowGroups
            let selected = rowGroups.clamped(to: 0..<groups.count)
            guard !selected.isEmpty else { return }
            options.rowGroups = Array(selected)
            // Positions of position deletes count from the start of the file.
            rowOffset = groups[..<selected.lowerBound].reduce(0) { $0 + $1.numRows }
        }
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
                let projected = try FieldProjection.project(batch, to: output, file: task.file.filePath)
                if projected.rowCount > 0 {
                    do {
                        try await body(projected)
                    } catch {
                        bodyError = error
                        break
                    }
                }
            }
        } catch let error as IcebergError {
            throw error
        } catch {
            throw IcebergError.wrap(error, "reading data file \(task.file.filePath)")
        }
        if let bodyError { throw bodyError }
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
