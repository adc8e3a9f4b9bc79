public import LagoaColumnar
public import LagoaCore
import LagoaCompression

/// Reads a Parquet file from any ``RandomAccessSource``: the footer once, then column chunks on
/// demand, decoding row groups and columns in parallel.
///
/// ```swift
/// let reader = try await ParquetFileReader(path: "lineitem.parquet")
/// for try await batch in reader.batches(ParquetReadOptions(columns: ["l_orderkey"])) { … }
/// ```
/// Memory is bounded by the row groups in flight (at most ``ParquetReadOptions/parallelism``),
/// never the whole file.
public final class ParquetFileReader: Sendable {
    public let source: any RandomAccessSource
    public let metadata: FileMetaData
    public let schema: ParquetSchema
    /// Total size of the file in bytes.
    public let fileSize: Int64
    /// The footer's key/value metadata.
    public var keyValueMetadata: [String: String] {
        var result: [String: String] = [:]
        for kv in metadata.keyValueMetadata ?? [] { result[kv.key] = kv.value ?? "" }
        return result
    }

    static let magic: [UInt8] = Array("PAR1".utf8)

    /// Opens the local file at `path`.
    public convenience init(path: String) async throws {
        try await self.init(source: LocalFileSource(path: path))
    }

    /// Reads and validates the footer of `source`.
    /// - Throws: ``ParquetError`` naming the file when the footer is missing, truncated or corrupt.
    public init(source: any RandomAccessSource) async throws {
        self.source = source
        let name = source.name
        func fail(_ detail: String) -> ParquetError {
            ParquetError.corrupt(detail).adding("file", name)
        }
        let size = try await source.size()
        self.fileSize = size
        guard size >= 12 else {
            throw fail("the file is \(size) bytes long, too short for a Parquet file (at least 12 bytes)")
        }
        let head = try await source.read(offset: 0, length: 4)
        guard head == Self.magic else {
            throw fail("the file does not start with the magic bytes PAR1 (found \(Self.hex(head)))")
        }
        let tail = try await source.read(offset: size - 8, length: 8)
        guard Array(tail[4..<8]) == Self.magic else {
            throw fail("the file does not end with the magic bytes PAR1 (found \(Self.hex(Array(tail[4..<8])))); it may be truncated")
        }
        let footerLength = Int64(UInt32(tail[0]) | UInt32(tail[1]) << 8 | UInt32(tail[2]) << 16 | UInt32(tail[3]) << 24)
        guard footerLength <= size - 8 else {
            throw fail("the footer length \(footerLength) is past the start of the file (\(size) bytes)")
        }
        guard footerLength <= size - 12 else {
            throw fail("the footer length \(footerLength) overlaps the leading magic bytes (the file is \(size) bytes)")
        }
        let footerOffset = size - 8 - footerLength
        let footer = try await source.read(offset: footerOffset, length: Int(footerLength))
        do throws(ParquetError) {
            self.metadata = try footer.withBytes { (bytes) throws(ParquetError) in
                try FileMetaData.decode(bytes, what: "the footer")
            }
            self.schema = try ParquetSchema(elements: metadata.schema)
            try Self.validate(metadata, schema, footerOffset: footerOffset)
        } catch {
            throw error.adding("file", name).adding("byte offset", String(footerOffset))
        }
    }

    private static func validate(_ metadata: FileMetaData, _ schema: ParquetSchema, footerOffset: Int64) throws(ParquetError) {
        guard metadata.numRows >= 0 else {
            throw ParquetError.corrupt("the footer declares \(metadata.numRows) rows")
        }
        for (g, group) in metadata.rowGroups.enumerated() {
            guard group.columns.count == schema.columns.count else {
                throw ParquetError.corrupt("row group \(g) has \(group.columns.count) column chunks but the schema has \(schema.columns.count) leaf columns")
            }
            guard group.numRows >= 0 else {
                throw ParquetError.corrupt("row group \(g) declares \(group.numRows) rows")
            }
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { b in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
        }.joined(separator: " ")
    }

    /// Number of rows in the file.
    public var rowCount: Int { Int(metadata.numRows) }

    /// Streams the file as record batches.
    public func batches(_ options: ParquetReadOptions = ParquetReadOptions()) -> ParquetBatchSequence {
        ParquetBatchSequence(reader: self, options: options)
    }

    /// Reads every selected row into memory (convenient for tests and small files).
    public func readAll(_ options: ParquetReadOptions = ParquetReadOptions()) async throws -> [RecordBatch] {
        var result: [RecordBatch] = []
        for try await batch in batches(options) { result.append(batch) }
        return result
    }
}
