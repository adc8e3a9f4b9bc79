import LagoaColumnar

/// Encodes the levels and physical values of one leaf column chunk into pages.
///
/// Pages are cut by ``PagePlanner``. While dictionary encoding is on, each page's values are looked
/// up in the chunk's ``ValueDictionary`` and written as RLE_DICTIONARY indices; once a page leaves
/// the dictionary larger than ``ParquetWriteOptions/dictionaryPageSizeLimit``, the following pages
/// use the plan's fallback encoding (the pages already written keep their indices, as parquet-mr
/// and parquet-cpp do). The single PLAIN dictionary page goes first in the chunk.
struct ColumnChunkWriter {
    let plan: LeafWritePlan
    let options: ParquetWriteOptions

    /// Encodes a chunk.
    /// - Parameters:
    ///   - levels: the chunk's levels (empty when the maximum level is 0).
    ///   - entryCount: the number of level entries (rows, for flat columns).
    ///   - values: the present values.
    /// - Throws: ``ParquetError`` when a value or page exceeds Parquet's size limits.
    /// - Complexity: O(entries + value bytes), plus compression.
    func write(levels: LevelBuffers, entryCount: Int, values: PhysicalValues) throws(ParquetError) -> EncodedColumnChunk {
        let descriptor = plan.descriptor
        let maxDefinition = descriptor.maxDefinitionLevel
        let maxRepetition = descriptor.maxRepetitionLevel
        let spans = PagePlanner.pages(
            levels: levels, entryCount: entryCount, values: values, maxDefinition: maxDefinition,
            maxRepetition: maxRepetition, pageSize: options.pageSize, maxRows: options.maxRowsPerPage)
        var output = ChunkOutput(
            codec: options.compression, order: plan.order, writeStatistics: options.statistics, name: plan.name,
            pageBytes: min(values.plainSize(0..<values.count) / 2 + 1024, 64 << 20))
        let dictionary: ValueDictionary? = plan.dictionary ? ValueDictionary(physicalType: descriptor.physicalType, width: values.width) : nil
        var dictionaryActive = dictionary != nil
        let needsBounds = options.statistics || options.pageIndex
        let largestPage = spans.map(\.values.count).max() ?? 0
        let indices = UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, largestPage))
        defer { indices.deallocate() }
        var body = MutableBuffer(capacity: 64 * 1024)
        var distinct = DistinctEntries()
        for span in spans {
            body.count = 0
            let levelBytes = encodeLevels(levels, span.entries, maxDefinition, maxRepetition, into: &body)
            let encoding: Encoding
            var bounds: ValueBounds? = nil
            if dictionaryActive, let dictionary {
                dictionary.insert(values, span.values, into: indices)
                let width = bitWidth(forMax: UInt64(max(dictionary.count - 1, 0)))
                body.append(UInt8(width))
                RLEHybridEncoder.encode(UnsafeBufferPointer(start: indices, count: span.values.count), bitWidth: width, into: &body)
                encoding = .rleDictionary
                dictionaryActive = dictionary.plainSize <= options.dictionaryPageSizeLimit
                if needsBounds && ValueBounds.comparesBytes(plan.order) {
                    // Byte comparisons are costly: compare each distinct entry of the page once.
                    let firsts = distinct.firstPositions(indices, span.values, entries: dictionary.count)
                    bounds = ValueBounds.of(values, positions: firsts, order: plan.order)
                }
            } else {
                try ValueEncoder.encode(values, span.values, encoding: plan.fallbackEncoding, physicalType: descriptor.physicalType, into: &body)
                encoding = plan.fallbackEncoding
            }
            if needsBounds && bounds == nil {
                bounds = ValueBounds.of(values, span.values, order: plan.order)
            }
            try output.appendDataPage(
                UnsafeRawBufferPointer(start: body.pointer, count: body.count),
                levelBytes: options.dataPageVersion == .v2 ? levelBytes : nil,
                span: span, encoding: encoding, bounds: bounds)
        }
        var dictionaryPage: (bytes: [UInt8], uncompressed: Int) = ([], 0)
        if let dictionary, output.pageEncodings.contains(where: { $0.0 == .rleDictionary }) {
            body.count = 0
            try dictionary.encodePlain(into: &body)
            dictionaryPage = try output.dictionaryPage(UnsafeRawBufferPointer(start: body.pointer, count: body.count), entries: dictionary.count)
        }
        return finish(output, dictionaryPage: dictionaryPage, entryCount: entryCount, hasLevels: maxDefinition > 0 || maxRepetition > 0)
    }

    /// Appends the page's repetition then definition levels: length-prefixed for v1 pages, bare for v2.
    /// - Returns: the byte lengths of the repetition and definition levels.
    private func encodeLevels(
        _ levels: LevelBuffers,
        _ entries: Range<Int>,
        _ maxDefinition: Int,
        _ maxRepetition: Int,
        into body: inout MutableBuffer
    ) -> (repetition: Int, definition: Int) {
        let prefixed = options.dataPageVersion == .v1
        func encode(_ array: [UInt16], maxLevel: Int, into body: inout MutableBuffer) -> Int {
            guard maxLevel > 0 else { return 0 }
            let start = body.count
            let width = bitWidth(forMax: UInt64(maxLevel))
            array.withUnsafeBufferPointer { all in
                let slice = UnsafeBufferPointer(rebasing: all[entries])
                if prefixed {
                    RLEHybridEncoder.encodeLengthPrefixed(slice, bitWidth: width, into: &body)
                } else {
                    RLEHybridEncoder.encode(slice, bitWidth: width, into: &body)
                }
            }
            return body.count - start
        }
        let repetition = encode(levels.repetition, maxLevel: maxRepetition, into: &body)
        let definition = encode(levels.definition, maxLevel: maxDefinition, into: &body)
        return (repetition, definition)
    }

    /// Builds the chunk's metadata around its pages.
    private func finish(
        _ output: ChunkOutput,
        dictionaryPage: (bytes: [UInt8], uncompressed: Int),
        entryCount: Int,
        hasLevels: Bool
    ) -> EncodedColumnChunk {
        let dictionarySize = dictionaryPage.bytes.count
        var encodings: [Encoding] = []
        var stats: [PageEncodingStats] = []
        if dictionarySize > 0 {
            encodings.append(.plain)
            stats.append(PageEncodingStats(pageType: .dictionaryPage, encoding: .plain, count: 1))
        }
        if hasLevels { encodings.append(.rle) }
        let pageType: PageType = options.dataPageVersion == .v2 ? .dataPageV2 : .dataPage
        for (encoding, count) in output.pageEncodings {
            if !encodings.contains(encoding) { encodings.append(encoding) }
            stats.append(PageEncodingStats(pageType: pageType, encoding: encoding, count: count))
        }
        var meta = ColumnMetaData(
            type: plan.descriptor.physicalType,
            encodings: encodings,
            pathInSchema: plan.descriptor.path,
            codec: options.parquetCodec,
            numValues: Int64(entryCount),
            totalUncompressedSize: Int64(dictionaryPage.uncompressed + output.uncompressedBytes),
            totalCompressedSize: Int64(dictionarySize + output.dataPages.count),
            dataPageOffset: Int64(dictionarySize)
        )
        meta.dictionaryPageOffset = dictionarySize > 0 ? 0 : nil
        meta.statistics = output.statistics(output.chunkBounds, nulls: output.nullCount)
        meta.encodingStats = stats
        let locations = output.locations.map {
            PageLocation(offset: $0.offset + Int64(dictionarySize), compressedPageSize: $0.compressedPageSize, firstRowIndex: $0.firstRowIndex)
        }
        return EncodedColumnChunk(
            dictionaryPage: dictionaryPage.bytes,
            dataPages: output.dataPages,
            metaData: meta,
            pageLocations: locations,
            columnIndex: options.pageIndex ? output.columnIndex.build() : nil
        )
    }
}
