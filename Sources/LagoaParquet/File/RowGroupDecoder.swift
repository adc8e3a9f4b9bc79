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
        var selection: RowRanges? = nil
        if let filter = options.filter, !shapes.contains(where: \.isRepeated) {
            selection = try await PageSelector(reader: reader, rowGroup: index).candidateRows(filter)
        }
        let leafIndices = shapes.flatMap(\.leaves)
        var leaves: [Int: LeafData] = [:]
        var covered: [Int: RowRanges] = [:]
        let pageSelection = selection
        try await withThrowingTaskGroup(of: (Int, LeafData, RowRanges?).self) { tasks in
            var next = 0
            func submit() {
                let leaf = leafIndices[next]
                next += 1
                tasks.addTask {
                    if let pageSelection {
                        let (data, rows) = try await self.decodePages(rowGroup: index, leaf: leaf, selection: pageSelection)
                        return (leaf, data, rows)
                    }
                    return (leaf, try await self.decodeChunk(rowGroup: index, leaf: leaf), nil)
                }
            }
            while next < leafIndices.count && next < options.parallelism { submit() }
            while let (leaf, data, rows) = try await tasks.next() {
                leaves[leaf] = data
                covered[leaf] = rows
                if next < leafIndices.count { submit() }
            }
        }
        let assembler = LevelAssembler(leaves: leaves)
        let rows = selection?.rowCount ?? Int(group.numRows)
        var columns: [Column] = []
        for shape in shapes {
            var column: Column
            do throws(ParquetError) {
                column = try assembler.assemble(shape)
            } catch {
                throw error.adding("file", reader.source.name).adding("row group", String(index)).adding("column", shape.field.name)
            }
            let expected = covered[shape.leaves[0]]?.rowCount ?? Int(group.numRows)
            guard column.count == expected else {
                throw ParquetError.corrupt("column '\(shape.field.name)' holds \(column.count) rows but the row group declares \(expected)")
                    .adding("file", reader.source.name).adding("row group", String(index)).adding("column", shape.field.name)
            }
            if let selection, let pages = covered[shape.leaves[0]] {
                column = Self.trim(column, covering: pages, to: selection)
            }
            columns.append(column)
        }
        return RecordBatch(schema: outputSchema, columns: columns, rowCount: rows)
    }

    /// Keeps the rows of `selection` from a column holding the rows of `pages` (a superset).
    static func trim(_ column: Column, covering pages: RowRanges, to selection: RowRanges) -> Column {
        var pieces: [Column] = []
        var base = 0
        for page in pages.ranges {
            for wanted in selection.ranges where wanted.overlaps(page) {
                let lower = Swift.max(wanted.lowerBound, page.lowerBound)
                let upper = Swift.min(wanted.upperBound, page.upperBound)
                pieces.append(column.slice(base + lower - page.lowerBound, upper - lower))
            }
            base += page.count
        }
        return pieces.isEmpty ? column.slice(0, 0) : Column.concatenate(pieces)
    }

    /// Decodes only the pages of a flat column that overlap `selection` (plus its dictionary page),
    /// returning the rows they cover; falls back to the whole chunk without an offset index.
    private func decodePages(rowGroup: Int, leaf: Int, selection: RowRanges) async throws -> (LeafData, RowRanges?) {
        let descriptor = reader.schema.columns[leaf]
        let location = ChunkLocation(file: reader.source.name, rowGroup: rowGroup, column: descriptor.dottedPath)
        let chunk = reader.metadata.rowGroups[rowGroup].columns[leaf]
        let rows = Int(reader.metadata.rowGroups[rowGroup].numRows)
        guard let meta = chunk.metaData,
              let index = try await ChunkPageIndex.read(chunk, from: reader, withColumnIndex: false, location: location),
              let firstPage = index.offsets.pageLocations.first
        else {
            return (try await decodeChunk(rowGroup: rowGroup, leaf: leaf), nil)
        }
        let (start, _) = try chunkRange(meta, location)
        var bytes: [UInt8] = []
        var segments: [(bufferStart: Int, fileOffset: Int64)] = []
        if firstPage.offset > start {
            segments.append((0, start))
            bytes += try await reader.source.read(offset: start, length: Int(firstPage.offset - start))
        }
        var coveredRows: [Range<Int>] = []
        for (p, page) in index.offsets.pageLocations.enumerated() {
            let pageRows = index.rows(ofPage: p, rowGroupRows: rows)
            guard selection.overlaps(pageRows) else { continue }
            segments.append((bytes.count, page.offset))
            bytes += try await reader.source.read(offset: page.offset, length: Int(page.compressedPageSize))
            coveredRows.append(pageRows)
        }
        try Task.checkCancellation()
        var decoder = ColumnChunkDecoder(
            descriptor: descriptor, codec: try Self.codec(meta.codec, location), location: location,
            declaredValues: coveredRows.reduce(0) { $0 + $1.count }, maxPageSize: options.maxPageSize)
        decoder.segments = segments
        let data = try bytes.withUnsafeBytes { try decoder.decode($0, fileOffset: start) }
        return (data, RowRanges(coveredRows))
    }

    private func decodeChunk(rowGroup: Int, leaf: Int) async throws -> LeafData {
        let descriptor = reader.schema.columns[leaf]
        let location = ChunkLocation(file: reader.source.name, rowGroup: rowGroup, column: descriptor.dottedPath)
        let chunk = reader.metadata.rowGroups[rowGroup].columns[leaf]
        guard let meta = chunk.metaData else {
            throw location.annotate(ParquetError.unsupported("column chunk has no metadata (encrypted or stored in another file), which Lagoa does not read"), offset: nil)
        }
        if meta.numValues == 0 {
            // Empty row groups (pyarrow writes one for an empty table) may carry placeholder offsets.
            return LeafData(
                entryCount: 0,
                definitionLevels: descriptor.maxDefinitionLevel > 0 ? [] : nil,
                repetitionLevels: descriptor.maxRepetitionLevel > 0 ? [] : nil,
                dense: ColumnBuilder(descriptor.arrowType).finish())
        }
        let (start, length) = try chunkRange(meta, location)
        let codec = try Self.codec(meta.codec, location)
        let bytes = try await reader.source.read(offset: start, length: length)
        try Task.checkCancellation()
        var decoder = ColumnChunkDecoder(
            descriptor: descriptor, codec: codec, location: location,
            declaredValues: Int(meta.numValues), maxPageSize: options.maxPageSize)
        decoder.byteArrayHint = Int(clamping: meta.totalUncompressedSize)
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
                ParquetError.unsupported("unsupported codec \(codec.isKnown ? codec.description : "with id \(codec.rawValue)") (Lagoa reads UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW); rewrite the file with one of those codecs, e.g. with pyarrow or DuckDB"),
                offset: nil)
        }
    }
}
