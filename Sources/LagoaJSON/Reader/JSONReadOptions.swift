public import LagoaColumnar

/// How ``JSONLinesReader`` types and batches a JSON-lines file (one object per line).
public struct JSONReadOptions: Sendable {
    /// Types by top-level field name that replace inferred ones, e.g. `["payload": .string]` to keep
    /// a nested value as JSON text. A name not seen in the sample adds a field at the end.
    public var columnTypes: [String: DataType]
    /// A schema to use instead of inference. ``columnTypes`` still applies on top.
    public var schema: Schema?
    /// Whether strings that all look like dates (`YYYY-MM-DD`) or timestamps infer `date32` or
    /// `timestamp[us]` (`timestamp[us, UTC]` with a `Z` or offset) instead of string.
    public var inferTemporal: Bool
    /// Lines read from the start of the file to infer the schema.
    public var sampleRows: Int
    /// Rows per ``RecordBatch``.
    public var batchSize: Int
    /// Bytes requested from the source per read; longer lines are read in growing chunks.
    public var readChunkSize: Int
    /// How deeply arrays and objects may nest in one line; deeper input is rejected.
    public var maxDepth: Int

    public init(
        columnTypes: [String: DataType] = [:],
        schema: Schema? = nil,
        inferTemporal: Bool = true,
        sampleRows: Int = 10_000,
        batchSize: Int = 65_536,
        readChunkSize: Int = 1 << 20,
        maxDepth: Int = 128
    ) {
        self.columnTypes = columnTypes
        self.schema = schema
        self.inferTemporal = inferTemporal
        self.sampleRows = sampleRows
        self.batchSize = batchSize
        self.readChunkSize = readChunkSize
        self.maxDepth = maxDepth
    }
}
