/// Reads an Avro object container file held in memory (Avro specification 1.11, "Object Container
/// Files"): the header is parsed by the initializer, records are decoded on demand.
///
/// ```swift
/// let reader = try AvroFileReader(bytes: bytes, name: "snap-1.avro")
/// for record in try reader.records(readerSchema: manifestFileSchema) { … }
/// ```
/// Reading with a reader schema applies Avro schema resolution (see `AvroResolver`); the plan is
/// worked out once per call, not per record.
public struct AvroFileReader: Sendable {
    /// The name used in messages (usually the file path).
    public let name: String
    /// The schema the file was written with (`avro.schema`).
    public let writerSchema: AvroSchema
    /// All header metadata, including `avro.schema` and `avro.codec`.
    public let metadata: [String: [UInt8]]
    /// The block codec (`avro.codec`).
    public let codec: AvroCodec
    /// The 16-byte marker that follows every block.
    public let syncMarker: [UInt8]
    /// Bounds against corrupt files; change before reading records.
    public var limits = AvroReadLimits()

    let bytes: [UInt8]
    /// Offset of the first block.
    let dataStart: Int

    static let magic: [UInt8] = [0x4F, 0x62, 0x6A, 0x01]

    /// Parses the header of the container file in `bytes`.
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - name: the file's name or path, used in error messages.
    /// - Throws: ``AvroError/Code/corruptFile`` when the bytes are not a container file,
    ///   ``AvroError/Code/invalidSchema`` when `avro.schema` is not a valid schema,
    ///   ``AvroError/Code/unsupported`` for a codec other than null, deflate, snappy or zstandard.
    public init(bytes: [UInt8], name: String) throws(AvroError) {
        self.name = name
        self.bytes = bytes
        guard bytes.count >= 4, Array(bytes[0..<4]) == Self.magic else {
            let shown = bytes.prefix(4).map { byte in
                let text = String(byte, radix: 16, uppercase: true)
                return byte < 16 ? "0" + text : text
            }
            let detail = bytes.count < 4 ? "the file has only \(bytes.count) bytes" : "magic bytes \(shown.joined(separator: " "))"
            throw AvroError(.corruptFile, "'\(name)': not an Avro object container file (\(detail))")
        }
        var metadata: [String: [UInt8]] = [:]
        let end: Int = try bytes.withAvroBytes { raw throws(AvroError) in
            var cursor = AvroCursor(raw)
            cursor.position = 4
            do throws(AvroError) {
                while true {
                    var count = try cursor.readLong()
                    if count == 0 { break }
                    if count < 0 {
                        count = -count
                        _ = try cursor.readLong()
                    }
                    guard count <= Int64(cursor.remaining) else {
                        throw AvroError(.corruptFile, "metadata map claims \(count) entries, more than the bytes left")
                    }
                    for _ in 0..<count {
                        let key = try cursor.readString()
                        metadata[key] = try cursor.readBytes()
                    }
                }
                guard cursor.remaining >= 16 else { throw cursor.truncated("the sync marker") }
            } catch {
                throw AvroError(.corruptFile, "'\(name)': invalid header: \(error.message)")
            }
            return cursor.position
        }
        self.metadata = metadata
        syncMarker = Array(bytes[end..<end + 16])
        dataStart = end + 16
        guard let schemaBytes = metadata["avro.schema"] else {
            throw AvroError(.corruptFile, "'\(name)': the header has no avro.schema entry")
        }
        do {
            writerSchema = try AvroSchema(json: String(decoding: schemaBytes, as: UTF8.self))
        } catch {
            throw AvroError(.invalidSchema, "'\(name)': invalid writer schema in the header: \(error.message)")
        }
        let codecName = metadata["avro.codec"].map { String(decoding: $0, as: UTF8.self) } ?? "null"
        guard let codec = AvroCodec(name: codecName) else {
            throw AvroError(
                .unsupported, "'\(name)': unsupported codec '\(codecName)' (Lagoa reads null, deflate, snappy and zstandard)")
        }
        self.codec = codec
    }

    /// The metadata value for `key` as UTF-8 text.
    public func metadataString(_ key: String) -> String? {
        metadata[key].map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every record of the file, decoded with `readerSchema` (schema resolution per the Avro
    /// specification) or with the writer schema when `nil`.
    /// - Throws: ``AvroError/Code/schemaMismatch`` when the schemas cannot be resolved, and
    ///   ``AvroError/Code/corruptFile`` naming the block for damaged data.
    /// - Complexity: O(file size).
    public func records(readerSchema: AvroSchema? = nil) throws(AvroError) -> [AvroValue] {
        var blocks = try self.blocks(readerSchema: readerSchema)
        var all: [AvroValue] = []
        while let block = try blocks.next() {
            if all.isEmpty { all = block } else { all += block }
        }
        return all
    }

    /// The blocks of the file one at a time, each decoded into its records, so that a large file
    /// need not be held decoded in memory at once.
    public func blocks(readerSchema: AvroSchema? = nil) throws(AvroError) -> AvroBlockIterator {
        let plan: AvroDecodePlan
        do throws(AvroError) {
            if let readerSchema {
                plan = try AvroResolver.plan(writer: writerSchema, reader: readerSchema)
            } else {
                plan = try AvroResolver.plan(writerSchema)
            }
        } catch {
            throw error.inFile(name)
        }
        return AvroBlockIterator(file: self, plan: plan)
    }
}
