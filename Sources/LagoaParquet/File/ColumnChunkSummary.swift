public import LagoaColumnar

/// What the footer says about one column chunk, with statistics decoded to Arrow values; what
/// `lagoa parquet stats` prints.
public struct ColumnChunkSummary: Sendable {
    public var rowGroup: Int
    public var path: String
    public var physicalType: PhysicalType
    public var codec: ParquetCompressionCodec
    public var encodings: [Encoding]
    public var compressedSize: Int64
    public var uncompressedSize: Int64
    public var valueCount: Int64
    public var nullCount: Int64?
    public var min: Value?
    public var max: Value?
    public var hasColumnIndex: Bool
    public var hasOffsetIndex: Bool
}

extension ParquetFileReader {
    /// One summary per column chunk, row group by row group.
    public func columnChunkSummaries() -> [ColumnChunkSummary] {
        var result: [ColumnChunkSummary] = []
        for (g, group) in metadata.rowGroups.enumerated() {
            for (c, chunk) in group.columns.enumerated() {
                guard let meta = chunk.metaData, c < schema.columns.count else { continue }
                let descriptor = schema.columns[c]
                let stats = StatisticsDecoder.chunkStatistics(meta.statistics, descriptor, valueCount: Int(meta.numValues))
                result.append(
                    ColumnChunkSummary(
                        rowGroup: g,
                        path: descriptor.dottedPath,
                        physicalType: meta.type,
                        codec: meta.codec,
                        encodings: meta.encodings,
                        compressedSize: meta.totalCompressedSize,
                        uncompressedSize: meta.totalUncompressedSize,
                        valueCount: meta.numValues,
                        nullCount: meta.statistics?.nullCount,
                        min: stats.min,
                        max: stats.max,
                        hasColumnIndex: chunk.columnIndexOffset != nil,
                        hasOffsetIndex: chunk.offsetIndexOffset != nil
                    ))
            }
        }
        return result
    }
}
