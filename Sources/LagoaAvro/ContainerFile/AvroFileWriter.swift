/// Writes an Avro object container file into memory.
///
/// ```swift
/// var writer = try AvroFileWriter(schema: schema, codec: .deflate(level: nil), name: "m0.avro")
/// try writer.append(.record([.int(1), .long(42)]))
/// let bytes = try writer.finish()
/// ```
/// Records are buffered and written in blocks of about ``blockSize`` encoded bytes or
/// ``blockRecordCount`` records, whichever comes first.
public struct AvroFileWriter: Sendable {
    /// The name used in messages.
    public let name: String
    public let schema: AvroSchema
    public let codec: AvroCodec
    /// Encoded bytes after which a block is flushed (default 64 KiB).
    public var blockSize: Int
    /// Records after which a block is flushed.
    public var blockRecordCount: Int
    /// Records appended so far.
    public private(set) var recordCount = 0

    private var output = AvroEncoder()
    private var block: AvroValueEncoder
    private var blockRecords = 0
    private let syncMarker: [UInt8]
    private var finished = false

    /// Starts a file: validates the schema and writes the header.
    /// - Parameters:
    ///   - schema: the writer schema, stored as `avro.schema`.
    ///   - codec: the block codec, stored as `avro.codec`.
    ///   - metadata: more header entries (Iceberg's `schema`, `partition-spec`, `format-version`…);
    ///     `avro.schema` and `avro.codec` are reserved.
    ///   - name: the file name for messages.
    ///   - syncMarker: 16 bytes; random when `nil` (pass one to get reproducible files).
    /// - Throws: ``AvroError/Code/invalidSchema`` when the schema refers to undefined types,
    ///   ``AvroError/Code/invalidValue`` for a reserved metadata key or a bad sync marker.
    public init(
        schema: AvroSchema,
        codec: AvroCodec = .deflate(level: nil),
        metadata: [String: String] = [:],
        name: String,
        blockSize: Int = 64 * 1024,
        blockRecordCount: Int = 10_000,
        syncMarker: [UInt8]? = nil
    ) throws(AvroError) {
        self.name = name
        self.schema = schema
        self.codec = codec
        self.blockSize = max(1, blockSize)
        self.blockRecordCount = max(1, blockRecordCount)
        block = AvroValueEncoder(schema: schema)
        do {
            _ = try AvroResolver.plan(schema)
        } catch {
            throw AvroError(.invalidSchema, "'\(name)': cannot write with this schema: \(error.message)")
        }
        if let syncMarker, syncMarker.count != 16 {
            throw AvroError(.invalidValue, "'\(name)': the sync marker must have 16 bytes, not \(syncMarker.count)")
        }
        var generator = SystemRandomNumberGenerator()
        self.syncMarker = syncMarker ?? (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for key in metadata.keys where key == "avro.schema" || key == "avro.codec" {
            throw AvroError(.invalidValue, "'\(name)': metadata key '\(key)' is reserved; it is written from the schema and codec")
        }
        output.bytes = AvroFileReader.magic
        let entries = [("avro.schema", schema.json), ("avro.codec", codec.name)] + metadata.sorted { $0.key < $1.key }
        output.writeLong(Int64(entries.count))
        for (key, value) in entries {
            output.writeString(key)
            output.writeBytes(Array(value.utf8))
        }
        output.writeLong(0)
        output.bytes += self.syncMarker
    }

    /// Adds one value, which must match the schema (see `AvroValueEncoder` for how union branches
    /// are chosen).
    /// - Throws: ``AvroError/Code/invalidValue`` naming the path of the offending value; the
    ///   writer is unchanged then.
    public mutating func append(_ value: AvroValue) throws(AvroError) {
        precondition(!finished, "AvroFileWriter '\(name)': append after finish()")
        let mark = block.out.bytes.count
        do {
            try block.encode(value, schema, root: schema.fullName.map(avroSimpleName) ?? "value")
        } catch {
            block.out.bytes.removeLast(block.out.bytes.count - mark)
            throw AvroError(error.code, "'\(name)': record \(recordCount + 1): \(error.message)")
        }
        recordCount += 1
        blockRecords += 1
        if block.out.bytes.count >= blockSize || blockRecords >= blockRecordCount { flush() }
    }

    /// Adds every value of `values`.
    public mutating func append(contentsOf values: some Sequence<AvroValue>) throws(AvroError) {
        for value in values { try append(value) }
    }

    /// Writes the last block and returns the complete file.
    public mutating func finish() throws(AvroError) -> [UInt8] {
        precondition(!finished, "AvroFileWriter '\(name)': finish() called twice")
        flush()
        finished = true
        return output.bytes
    }

    private mutating func flush() {
        guard blockRecords > 0 else { return }
        let data = codec.compress(block.out.bytes)
        output.writeLong(Int64(blockRecords))
        output.writeLong(Int64(data.count))
        output.bytes += data
        output.bytes += syncMarker
        block.out.bytes.removeAll(keepingCapacity: true)
        blockRecords = 0
    }
}
