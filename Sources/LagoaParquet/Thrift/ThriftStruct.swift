/// A Parquet metadata struct that can be read from and written to the Thrift compact protocol.
///
/// Decoders keep values of unknown enum cases, skip unknown fields (so files from newer writers
/// still open) and fail with a corrupt-file error naming the struct and field when a required
/// field is missing.
package protocol ThriftStruct: Hashable, Sendable {
    /// Reads the struct at the reader's position, leaving the reader just after its stop byte.
    /// - Throws: ``ParquetError`` with code `corruptFile` for malformed or truncated data.
    init(from reader: inout ThriftCompactReader) throws(ParquetError)

    /// Appends the struct, ending with its stop byte.
    func write(to writer: inout ThriftCompactWriter)
}

/// A Thrift enum: an `i32` on the wire, kept as a raw value so that values added by newer writers
/// survive decoding and re-encoding instead of failing.
package protocol ThriftEnum: RawRepresentable, Hashable, Sendable, CustomStringConvertible where RawValue == Int32 {
    init(rawValue: Int32)
}

extension ThriftStruct {
    /// Decodes one struct from the start of `bytes`; bytes after the struct are ignored.
    /// - Parameters:
    ///   - bytes: the encoded struct.
    ///   - what: what the bytes are, for error messages ("the footer", "page header").
    /// - Throws: ``ParquetError`` with code `corruptFile`.
    package static func decode(_ bytes: UnsafeRawBufferPointer, what: String) throws(ParquetError) -> Self {
        try decodePrefix(bytes, what: what).value
    }

    /// Decodes one struct from the start of `bytes` and says how many bytes it took, for data that
    /// follows its header (page headers, Bloom filter headers).
    /// - Throws: ``ParquetError`` with code `corruptFile`.
    package static func decodePrefix(
        _ bytes: UnsafeRawBufferPointer,
        what: String
    ) throws(ParquetError) -> (value: Self, bytesConsumed: Int) {
        var reader = ThriftCompactReader(bytes, what: what)
        let value = try Self(from: &reader)
        return (value, reader.position)
    }

    /// Decodes one struct from the start of `bytes`; bytes after the struct are ignored.
    /// - Throws: ``ParquetError`` with code `corruptFile`.
    package static func decode(_ bytes: [UInt8], what: String) throws(ParquetError) -> Self {
        try decodePrefix(bytes, what: what).value
    }

    /// Decodes one struct from the start of `bytes` and says how many bytes it took.
    /// - Throws: ``ParquetError`` with code `corruptFile`.
    package static func decodePrefix(
        _ bytes: [UInt8],
        what: String
    ) throws(ParquetError) -> (value: Self, bytesConsumed: Int) {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(ParquetError) in try decodePrefix(buffer, what: what) }
        }
        return try result.get()
    }

    /// The struct in the Thrift compact protocol.
    package func encoded() -> [UInt8] {
        var writer = ThriftCompactWriter()
        write(to: &writer)
        return writer.bytes
    }
}

extension ThriftCompactWriter {
    /// Writes a field holding an empty struct: how unions such as `LogicalType` mark their member.
    package mutating func writeEmptyStructField(_ id: Int16) {
        writeFieldHeader(id, .struct)
        writeStruct { _ in }
    }
}

extension ThriftCompactReader {
    /// Reads an empty-struct field such as a union member (`STRING`, `TYPE_ORDER`), skipping any
    /// fields a newer writer may have added to it.
    package mutating func readEmptyStruct(_ field: ThriftFieldHeader) throws(ParquetError) {
        try expect(field, .struct)
        try skip(.struct)
    }
}
