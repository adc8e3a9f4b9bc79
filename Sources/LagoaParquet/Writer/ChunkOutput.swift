import LagoaColumnar
import LagoaCompression

/// The pages of one column chunk as they are produced: compressed, framed by their headers and
/// counted for the chunk's metadata, statistics and page index.
struct ChunkOutput {
    let codec: LagoaCompression.CompressionCodec
    let order: StatisticsOrder
    let writeStatistics: Bool
    let name: String
    /// Data pages (headers included), back to back.
    private(set) var dataPages: [UInt8] = []
    private(set) var locations: [PageLocation] = []
    private(set) var uncompressedBytes = 0
    private(set) var chunkBounds: ValueBounds? = nil
    private(set) var nullCount = 0
    private(set) var columnIndex: ColumnIndexBuilder
    /// Data page encodings in first-use order, with page counts.
    private(set) var pageEncodings: [(Encoding, Int32)] = []

    init(codec: LagoaCompression.CompressionCodec, order: StatisticsOrder, writeStatistics: Bool, name: String, pageBytes: Int) {
        self.codec = codec
        self.order = order
        self.writeStatistics = writeStatistics
        self.name = name
        self.columnIndex = ColumnIndexBuilder(order: order)
        dataPages.reserveCapacity(pageBytes)
    }

    /// The Thrift statistics for `bounds` and `nulls`, or `nil` when statistics are off.
    func statistics(_ bounds: ValueBounds?, nulls: Int) -> Statistics? {
        guard writeStatistics else { return nil }
        var result = Statistics()
        result.nullCount = Int64(nulls)
        if let bounds, bounds.isWritable {
            result.minValue = bounds.min
            result.maxValue = bounds.max
            result.isMinValueExact = true
            result.isMaxValueExact = true
            if order.writesDeprecatedBounds {
                result.min = bounds.min
                result.max = bounds.max
            }
        }
        return result
    }

    /// Compresses and appends one data page.
    /// - Parameters:
    ///   - body: levels followed by values, uncompressed.
    ///   - levelBytes: for v2 pages, the repetition and definition level byte lengths at the start
    ///     of `body`, which stay uncompressed; `nil` for v1 pages, compressed whole.
    ///   - span: the page's entries, values and rows.
    ///   - encoding: the values' encoding.
    ///   - bounds: the page's value bounds, if computed.
    /// - Throws: ``ParquetError`` when the page is larger than Parquet's 2 GiB page limit.
    mutating func appendDataPage(
        _ body: UnsafeRawBufferPointer,
        levelBytes: (repetition: Int, definition: Int)?,
        span: PageSpan,
        encoding: Encoding,
        bounds: ValueBounds?
    ) throws(ParquetError) {
        let nulls = span.entries.count - span.values.count
        let stats = statistics(bounds, nulls: nulls)
        let levels = levelBytes.map { $0.repetition + $0.definition } ?? 0
        let compressed: [UInt8]? =
            if case .uncompressed = codec { nil } else { codec.compress(UnsafeRawBufferPointer(rebasing: body[levels...])) }
        let compressedSize = levels + (compressed?.count ?? body.count - levels)
        var header = PageHeader(
            type: levelBytes == nil ? .dataPage : .dataPageV2,
            uncompressedPageSize: try Self.pageSize(body.count, name),
            compressedPageSize: try Self.pageSize(compressedSize, name))
        if let levelBytes {
            header.dataPageHeaderV2 = DataPageHeaderV2(
                numValues: Int32(span.entries.count), numNulls: Int32(nulls), numRows: Int32(span.rowCount),
                encoding: encoding, definitionLevelsByteLength: Int32(levelBytes.definition),
                repetitionLevelsByteLength: Int32(levelBytes.repetition), isCompressed: compressed != nil, statistics: stats)
        } else {
            header.dataPageHeader = DataPageHeader(
                numValues: Int32(span.entries.count), encoding: encoding, definitionLevelEncoding: .rle,
                repetitionLevelEncoding: .rle, statistics: stats)
        }
        let headerBytes = header.encoded()
        locations.append(
            PageLocation(
                offset: Int64(dataPages.count), compressedPageSize: Int32(headerBytes.count + compressedSize),
                firstRowIndex: Int64(span.firstRow)))
        dataPages.append(contentsOf: headerBytes)
        if let compressed {
            dataPages.append(contentsOf: UnsafeRawBufferPointer(rebasing: body[0..<levels]))
            dataPages.append(contentsOf: compressed)
        } else {
            dataPages.append(contentsOf: body)
        }
        uncompressedBytes += headerBytes.count + body.count
        nullCount += nulls
        if let bounds {
            if chunkBounds == nil { chunkBounds = bounds } else { chunkBounds!.merge(bounds, order: order) }
        }
        columnIndex.add(bounds, valueCount: span.values.count, nullCount: nulls)
        if let k = pageEncodings.firstIndex(where: { $0.0 == encoding }) {
            pageEncodings[k].1 += 1
        } else {
            pageEncodings.append((encoding, 1))
        }
    }

    /// Compresses a dictionary page and returns it with its header.
    /// - Returns: the bytes, and their size before compression (header included).
    /// - Throws: ``ParquetError`` when the page is larger than Parquet's 2 GiB page limit.
    func dictionaryPage(_ body: UnsafeRawBufferPointer, entries: Int) throws(ParquetError) -> (bytes: [UInt8], uncompressed: Int) {
        let compressed: [UInt8]? = if case .uncompressed = codec { nil } else { codec.compress(body) }
        var header = PageHeader(
            type: .dictionaryPage,
            uncompressedPageSize: try Self.pageSize(body.count, name),
            compressedPageSize: try Self.pageSize(compressed?.count ?? body.count, name))
        header.dictionaryPageHeader = DictionaryPageHeader(numValues: Int32(entries), encoding: .plain)
        var bytes = header.encoded()
        let headerCount = bytes.count
        if let compressed { bytes.append(contentsOf: compressed) } else { bytes.append(contentsOf: body) }
        return (bytes, headerCount + body.count)
    }

    private static func pageSize(_ size: Int, _ name: String) throws(ParquetError) -> Int32 {
        guard size <= Int(Int32.max) else {
            throw ParquetError(
                .invalidArgument,
                "a page of column '\(name)' would hold \(size) bytes, more than Parquet's limit of \(Int32.max); lower the page size or split large values"
            )
        }
        return Int32(size)
    }
}
