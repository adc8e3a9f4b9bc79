public import LagoaColumnar

/// How ``CSVReader`` splits, types and batches a CSV file.
///
/// Defaults follow RFC 4180 and common practice: comma-separated, `"` quotes doubled inside quoted
/// fields, a header row, empty unquoted fields read as null, types inferred from the first 10 000
/// rows, 65 536 rows per batch.
public struct CSVReadOptions: Sendable {
    /// The field separator; an ASCII character.
    public var delimiter: Character
    /// The quote character; an ASCII character.
    public var quote: Character
    /// An escape character used inside quoted fields (e.g. `\`), or `nil` for RFC 4180's doubled
    /// quote (`""`), which is always accepted.
    public var escape: Character?
    /// Whether the first row holds column names; without it columns are named `column1…N`.
    public var hasHeader: Bool
    /// Unquoted field texts read as null, e.g. `["", "NULL", "\\N"]`. A quoted field is never null
    /// in a string or binary column, so `""` reads as the empty string; in other columns it is
    /// null when its text is in this list.
    public var nullStrings: [String]
    /// Types by column name that replace inferred ones, e.g. `["zip": .string]`.
    public var columnTypes: [String: DataType]
    /// A schema to use instead of inference; it must have one field per column. ``columnTypes``
    /// still applies on top.
    public var schema: Schema?
    /// Rows read from the start of the file to infer column types.
    public var sampleRows: Int
    /// Rows per ``RecordBatch``.
    public var batchSize: Int
    /// Bytes requested from the source per read; rows longer than this are read in growing chunks.
    public var readChunkSize: Int

    public init(
        delimiter: Character = ",",
        quote: Character = "\"",
        escape: Character? = nil,
        hasHeader: Bool = true,
        nullStrings: [String] = [""],
        columnTypes: [String: DataType] = [:],
        schema: Schema? = nil,
        sampleRows: Int = 10_000,
        batchSize: Int = 65_536,
        readChunkSize: Int = 1 << 20
    ) {
        self.delimiter = delimiter
        self.quote = quote
        self.escape = escape
        self.hasHeader = hasHeader
        self.nullStrings = nullStrings
        self.columnTypes = columnTypes
        self.schema = schema
        self.sampleRows = sampleRows
        self.batchSize = batchSize
        self.readChunkSize = readChunkSize
    }
}

/// The byte-level CSV syntax, validated from ``CSVReadOptions`` or ``CSVWriteOptions``.
struct CSVDialect: Sendable {
    var delimiter: UInt8
    var quote: UInt8
    /// Equal to ``quote`` when quotes are escaped by doubling only.
    var escape: UInt8

    init(delimiter: Character, quote: Character, escape: Character?) throws(CSVError) {
        self.delimiter = try Self.ascii(delimiter, "delimiter")
        self.quote = try Self.ascii(quote, "quote")
        self.escape = try escape.map { c throws(CSVError) in try Self.ascii(c, "escape") } ?? self.quote
        for byte in [self.delimiter, self.quote] where byte == 0x0A || byte == 0x0D {
            throw CSVError(.invalidArgument, "the CSV delimiter and quote cannot be a line break")
        }
        guard self.delimiter != self.quote else {
            throw CSVError(.invalidArgument, "the CSV delimiter and quote must differ (both are '\(delimiter)')")
        }
    }

    private static func ascii(_ c: Character, _ role: String) throws(CSVError) -> UInt8 {
        guard let value = c.asciiValue else {
            throw CSVError(.invalidArgument, "the CSV \(role) must be one ASCII character, not '\(c)'")
        }
        return value
    }
}
