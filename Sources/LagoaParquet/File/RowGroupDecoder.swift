import LagoaColumnar
import LagoaCompression
import LagoaCore

/// Decodes the projected columns of one row group into a record batch, with one task per column
/// chunk.
struct RowGroupDecoder: Sendable {
    let reader: ParquetFileReader
    let options: ParquetReadOptions
    /// Indices of the top-level fields to produce.
    let fields: [Int]

    /// The schema of the batches produced.
    var outputSchema: Schema {
        let schema = reader.schema.arrowSchema
        return Schema(fields.map { schema.fields[$0] }, metadata: schema.metadata)
    }

    /// Decodes row group `index`.
    /// - Throws: ``ParquetError`` with the file, row group, column and byte offset of the fault.
    func decode(_ index: Int) async throws -> RecordBatch {
        let group = reader.metadata.rowGroups[index]
        let shapes = fields.map { reader.schema.shapes[$0] }
        let leafIndices = shapes.flatMap(\.leaves)
        var leaves: [Int: LeafData] = [:]
        try await withThrowingTaskGroup(of: (Int, LeafData).self) { tasks in
            var next = 0
            func submit() {
                let leaf = leafIndices[next]
                next += 1
                tasks.addTask { (leaf, try await self.decodeChunk(rowGroup: index, leaf: leaf)) }
            }
            while next < leafIndices.count && next < options.parallelism { submit() }
            while let (leaf, data) = try await tasks.next() {
                leaves[leaf] = data
                if next < leafIndices.count { submit() }
            }
        }
        let assembler = LevelAssembler(leaves: leaves)
        let rows = Int(group.numRows)
        var columns: [Column] = []
        for (shape, fieldIndex) in zip(shapes, fields) {
            let column = assembler.assemble(shape)
            guard column.count == rows else {
                throw ParquetError.corrupt("column '\(shape.field.name)' holds \(column.count) rows but the row group declares \(rows)")
                    .adding("file", reader.source.name).adding("row group", String(index))
            }
            _ = fieldIndex
            columns.append(column)
        }
        return RecordBatch(schema: outputSchema, columns: columns, rowCount: rows)
    }

    private func decodeChunk(rowGroup: Int, leaf: Int) async throws -> LeafData {
        let descriptor = reader.schema.columns[leaf]
        let location = ChunkLocation(file: reader.source.name, rowGroup: rowGroup, column: descriptor.dottedPath)
        let chunk = reader.metadata.rowGroups[rowGroup].columns[leaf]
        guard let meta = chunk.metaData else {
            throw location.annotate(ParquetError.unsupported("column chunk has no metadata (encrypted or stored in another file), which Lagoa does not read"), offset: nil)
        }
        let (start, length) = try chunkRange(meta, location)
        let codec = try Self.codec(meta.codec, location)
        let bytes = try await reader.source.read(offset: start, length: length)
        try Task.checkCancellation()
        let decoder = ColumnChunkDecoder(
            descriptor: descriptor, codec: codec, location: location,
            declaredValues: Int(meta.numValues), maxPageSize: options.maxPageSize)
        return try bytes.withUnsafeBytes { try decoder.decode($0, fileOffset: start) }
    }

    private func chunkRange(_ meta: ColumnMetaData, _ location: ChunkLocation) throws(ParquetError) -> (Int64, Int) {
        var start = meta.dataPageOffset
        if let dictionary = meta.dictionaryPageOffset, dictionary > 0, dictionary < start {
            start = dictionary
        }
        let length = meta.totalCompressedSize
        guard meta.numValues >= 0 else {
            throw location.annotate(ParquetError.corrupt("column chunk declares \(meta.numValues) values"), offset: nil)
        }
        guard start >= 4, length >= 0, start <= reader.fileSize - 8, length <= reader.fileSize - 8 - start else {
            throw location.annotate(
                ParquetError.corrupt("column chunk of \(length) bytes at offset \(start) lies outside the file (\(reader.fileSize) bytes)"),
                offset: start)
        }
        return (start, Int(length))
    }

    static func codec(_ codec: ParquetCompressionCodec, _ location: ChunkLocation) throws(ParquetError) -> LagoaCompression.CompressionCodec {
        switch codec {
        case .uncompressed: return .uncompressed
        case .snappy: return .snappy
        case .gzip: return .gzip
        case .zstd: return .zstd
        case .lz4Raw: return .lz4Raw
        default:
            throw location.annotate(
                ParquetError.unsupported("unsupported codec \(codec) (Lagoa reads UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW); rewrite the file with one of those, e.g. `lagoa convert in.parquet out.parquet --compression zstd` from a tool that reads it"),
                offset: nil)
        }
    }
}
