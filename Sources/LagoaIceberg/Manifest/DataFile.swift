/// A data or delete file of a table with the statistics Iceberg keeps about it (the spec's
/// `data_file` struct).
public struct DataFile: Sendable, Hashable {
    /// What the file holds.
    public enum Content: Int32, Sendable, Hashable {
        case data = 0
        case positionDeletes = 1
        case equalityDeletes = 2
    }

    public var content: Content
    /// The file's full location (`file:///…/data/…/00000-….parquet`, `s3://…`).
    public var filePath: String
    /// `PARQUET`, `AVRO` or `ORC`.
    public var fileFormat: String
    /// The id of the partition spec the file was written with.
    public var specID: Int32
    /// The file's partition values, in the order of its spec's fields.
    public var partition: PartitionTuple
    public var recordCount: Int64
    public var fileSizeInBytes: Int64
    /// Per field id: bytes on disk (compressed), values including nulls, nulls, NaNs.
    public var columnSizes: [Int32: Int64]
    public var valueCounts: [Int32: Int64]
    public var nullValueCounts: [Int32: Int64]
    public var nanValueCounts: [Int32: Int64]
    /// Per field id: the single-value serialization of the (possibly truncated) min and max.
    public var lowerBounds: [Int32: [UInt8]]
    public var upperBounds: [Int32: [UInt8]]
    public var keyMetadata: [UInt8]?
    public var splitOffsets: [Int64]?
    /// For equality delete files: the ids of the columns rows are matched on.
    public var equalityIDs: [Int32]?
    public var sortOrderID: Int32?

    public init(
        content: Content = .data,
        filePath: String,
        fileFormat: String = "PARQUET",
        specID: Int32,
        partition: PartitionTuple,
        recordCount: Int64,
        fileSizeInBytes: Int64,
        columnSizes: [Int32: Int64] = [:],
        valueCounts: [Int32: Int64] = [:],
        nullValueCounts: [Int32: Int64] = [:],
        nanValueCounts: [Int32: Int64] = [:],
        lowerBounds: [Int32: [UInt8]] = [:],
        upperBounds: [Int32: [UInt8]] = [:],
        keyMetadata: [UInt8]? = nil,
        splitOffsets: [Int64]? = nil,
        equalityIDs: [Int32]? = nil,
        sortOrderID: Int32? = nil
    ) {
        self.content = content
        self.filePath = filePath
        self.fileFormat = fileFormat
        self.specID = specID
        self.partition = partition
        self.recordCount = recordCount
        self.fileSizeInBytes = fileSizeInBytes
        self.columnSizes = columnSizes
        self.valueCounts = valueCounts
        self.nullValueCounts = nullValueCounts
        self.nanValueCounts = nanValueCounts
        self.lowerBounds = lowerBounds
        self.upperBounds = upperBounds
        self.keyMetadata = keyMetadata
        self.splitOffsets = splitOffsets
        self.equalityIDs = equalityIDs
        self.sortOrderID = sortOrderID
    }
}

/// One row of a manifest: a file and whether this snapshot added it, kept it or deleted it.
public struct ManifestEntry: Sendable, Hashable {
    public enum Status: Int32, Sendable, Hashable {
        case existing = 0
        case added = 1
        case deleted = 2
    }

    public var status: Status
    /// The snapshot that added (or deleted) the file; inherited from the manifest when null.
    public var snapshotID: Int64?
    /// The data sequence number; inherited from the manifest when null (for added files).
    public var sequenceNumber: Int64?
    public var fileSequenceNumber: Int64?
    public var file: DataFile

    public init(status: Status, snapshotID: Int64?, sequenceNumber: Int64?, fileSequenceNumber: Int64?, file: DataFile) {
        self.status = status
        self.snapshotID = snapshotID
        self.sequenceNumber = sequenceNumber
        self.fileSequenceNumber = fileSequenceNumber
        self.file = file
    }
}

/// One row of a manifest list: a manifest and summaries that let scans skip it.
public struct ManifestFile: Sendable, Hashable {
    public enum Content: Int32, Sendable, Hashable {
        case data = 0
        case deletes = 1
    }

    /// Per partition field: whether any value is null or NaN, and the bounds of the others.
    public struct FieldSummary: Sendable, Hashable {
        public var containsNull: Bool
        public var containsNaN: Bool?
        public var lowerBound: [UInt8]?
        public var upperBound: [UInt8]?

        public init(containsNull: Bool, containsNaN: Bool? = nil, lowerBound: [UInt8]? = nil, upperBound: [UInt8]? = nil) {
            self.containsNull = containsNull
            self.containsNaN = containsNaN
            self.lowerBound = lowerBound
            self.upperBound = upperBound
        }
    }

    public var path: String
    public var length: Int64
    public var specID: Int32
    public var content: Content
    public var sequenceNumber: Int64
    public var minSequenceNumber: Int64
    public var addedSnapshotID: Int64
    public var addedFilesCount: Int32
    public var existingFilesCount: Int32
    public var deletedFilesCount: Int32
    public var addedRowsCount: Int64
    public var existingRowsCount: Int64
    public var deletedRowsCount: Int64
    public var partitions: [FieldSummary]?
    public var keyMetadata: [UInt8]?

    public init(
        path: String, length: Int64, specID: Int32, content: Content, sequenceNumber: Int64, minSequenceNumber: Int64,
        addedSnapshotID: Int64, addedFilesCount: Int32, existingFilesCount: Int32, deletedFilesCount: Int32,
        addedRowsCount: Int64, existingRowsCount: Int64, deletedRowsCount: Int64, partitions: [FieldSummary]?,
        keyMetadata: [UInt8]? = nil
    ) {
        self.path = path
        self.length = length
        self.specID = specID
        self.content = content
        self.sequenceNumber = sequenceNumber
        self.minSequenceNumber = minSequenceNumber
        self.addedSnapshotID = addedSnapshotID
        self.addedFilesCount = addedFilesCount
        self.existingFilesCount = existingFilesCount
        self.deletedFilesCount = deletedFilesCount
        self.addedRowsCount = addedRowsCount
        self.existingRowsCount = existingRowsCount
        self.deletedRowsCount = deletedRowsCount
        self.partitions = partitions
        self.keyMetadata = keyMetadata
    }
}
