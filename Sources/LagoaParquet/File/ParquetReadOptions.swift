#if canImport(Glibc)
import Glibc
#endif

/// Options for reading a Parquet file.
public struct ParquetReadOptions: Sendable {
    /// Top-level columns to read, in output order; `nil` reads all.
    public var columns: [String]?
    /// Rows per output batch at most.
    public var batchSize: Int
    /// Row groups to read (indices); `nil` reads all.
    public var rowGroups: [Int]?
    /// A filter used to skip row groups and pages whose statistics prove no row can match. It does
    /// not remove rows from the pages that are read: apply the filter to the batches as well.
    public var filter: ParquetFilter?
    /// Column chunks decoded at the same time (defaults to the number of cores).
    public var parallelism: Int
    /// Largest uncompressed page accepted; larger pages are refused as corrupt or hostile.
    public var maxPageSize: Int

    public init(
        columns: [String]? = nil,
        batchSize: Int = 65_536,
        rowGroups: [Int]? = nil,
        filter: ParquetFilter? = nil,
        parallelism: Int? = nil,
        maxPageSize: Int = 1 << 30
    ) {
        self.columns = columns
        self.batchSize = max(1, batchSize)
        self.rowGroups = rowGroups
        self.filter = filter
        self.parallelism = max(1, parallelism ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        self.maxPageSize = maxPageSize
    }
}
