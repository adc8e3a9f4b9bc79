#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import LagoaCompression

/// The data page layout a writer produces.
public enum ParquetDataPageVersion: Sendable, Hashable {
    /// `DATA_PAGE`: levels and values compressed together; read by every Parquet implementation.
    case v1
    /// `DATA_PAGE_V2`: levels stored uncompressed in front of the compressed values, with the page's
    /// null and row counts in the header.
    case v2
}

/// How ``ParquetFileWriter`` lays out and encodes a file. The defaults follow pyarrow's.
///
/// ```swift
/// var options = ParquetWriteOptions(compression: .zstd)
/// options.columnEncodings["l_comment"] = .deltaByteArray
/// ```
public struct ParquetWriteOptions: Sendable {
    /// The codec that compresses every page (default snappy).
    public var compression: LagoaCompression.CompressionCodec
    /// Rows per row group at most (default 1,048,576, as pyarrow).
    public var maxRowsPerRowGroup: Int
    /// Estimated bytes per row group at most (default 128 MiB); a row group ends at whichever of
    /// the two limits it reaches first. The estimate is the PLAIN size of the physical values.
    public var maxRowGroupBytes: Int
    /// Target uncompressed bytes of a data page's values (default 1 MiB).
    public var pageSize: Int
    /// Rows per data page at most (default 20,000).
    public var maxRowsPerPage: Int
    /// The data page layout (default ``ParquetDataPageVersion/v1``).
    public var dataPageVersion: ParquetDataPageVersion
    /// Whether to dictionary-encode columns of every physical type except BOOLEAN (default true).
    public var dictionary: Bool
    /// The largest dictionary (PLAIN-encoded bytes) a column chunk builds; once a page makes the
    /// dictionary larger, the rest of the chunk uses the non-dictionary encoding (default 1 MiB).
    public var dictionaryPageSizeLimit: Int
    /// When true, the non-dictionary encoding is DELTA_BINARY_PACKED for INT32 and INT64 and
    /// DELTA_LENGTH_BYTE_ARRAY for BYTE_ARRAY; PLAIN otherwise (default false).
    public var deltaEncodings: Bool
    /// Per top-level column (by name), the non-dictionary encoding of all its leaves: PLAIN,
    /// DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY or BYTE_STREAM_SPLIT (RLE for
    /// booleans). The writer refuses an encoding a primitive column's physical type cannot use; a
    /// nested column applies it to the leaves that can use it and needs at least one such leaf.
    public var columnEncodings: [String: Encoding]
    /// Whether to write min/max/null-count statistics for chunks and pages (default true).
    public var statistics: Bool
    /// Whether to write the page index (ColumnIndex and OffsetIndex) (default true).
    public var pageIndex: Bool
    /// Key/value metadata for the footer; it overrides entries of the same key in the schema's metadata.
    public var keyValueMetadata: [String: String]
    /// The footer's `created_by`.
    public var createdBy: String
    /// Column chunks encoded at the same time (default: the number of online cores).
    public var parallelism: Int

    /// Creates options; every argument has pyarrow's default.
    public init(
        compression: LagoaCompression.CompressionCodec = .snappy,
        maxRowsPerRowGroup: Int = 1_048_576,
        maxRowGroupBytes: Int = 128 << 20,
        pageSize: Int = 1 << 20,
        maxRowsPerPage: Int = 20_000,
        dataPageVersion: ParquetDataPageVersion = .v1,
        dictionary: Bool = true,
        dictionaryPageSizeLimit: Int = 1 << 20,
        deltaEncodings: Bool = false,
        columnEncodings: [String: Encoding] = [:],
        statistics: Bool = true,
        pageIndex: Bool = true,
        keyValueMetadata: [String: String] = [:],
        createdBy: String = "lagoa version 0.1.0",
        parallelism: Int? = nil
    ) {
        self.compression = compression
        self.maxRowsPerRowGroup = maxRowsPerRowGroup
        self.maxRowGroupBytes = maxRowGroupBytes
        self.pageSize = pageSize
        self.maxRowsPerPage = maxRowsPerPage
        self.dataPageVersion = dataPageVersion
        self.dictionary = dictionary
        self.dictionaryPageSizeLimit = dictionaryPageSizeLimit
        self.deltaEncodings = deltaEncodings
        self.columnEncodings = columnEncodings
        self.statistics = statistics
        self.pageIndex = pageIndex
        self.keyValueMetadata = keyValueMetadata
        self.createdBy = createdBy
        self.parallelism = parallelism ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    /// Checks the numeric limits.
    /// - Throws: ``ParquetError`` (invalid argument) naming the first bad option.
    func validate() throws(ParquetError) {
        let positive: [(String, Int)] = [
            ("maxRowsPerRowGroup", maxRowsPerRowGroup), ("maxRowGroupBytes", maxRowGroupBytes),
            ("pageSize", pageSize), ("maxRowsPerPage", maxRowsPerPage), ("parallelism", parallelism),
        ]
        for (name, value) in positive where value < 1 {
            throw ParquetError(.invalidArgument, "ParquetWriteOptions.\(name) is \(value); it must be at least 1")
        }
        guard dictionaryPageSizeLimit >= 0 else {
            throw ParquetError(
                .invalidArgument,
                "ParquetWriteOptions.dictionaryPageSizeLimit is \(dictionaryPageSizeLimit); it must not be negative"
            )
        }
    }

    /// The codec as the footer names it.
    var parquetCodec: ParquetCompressionCodec {
        switch compression {
        case .uncompressed: .uncompressed
        case .snappy: .snappy
        case .gzip: .gzip
        case .zstd: .zstd
        case .lz4Raw: .lz4Raw
        }
    }
}
