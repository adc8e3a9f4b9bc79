/// Reads Thrift compact-protocol values from a byte buffer, checking every read against hostile input.
///
/// The reader never reads outside ``bytes``, rejects sizes that cannot fit in the bytes that remain
/// before allocating anything, caps nesting at ``maxDepth`` and reports every fault as
/// ``ParquetError/corrupt(_:file:line:)`` with the byte offset and a description of what is being
/// decoded, e.g. `corrupt Parquet file: invalid Thrift compact type 14 at byte 57 of the footer`.
///
/// The reader borrows its buffer: keep it on the stack and do not let it outlive the
/// `withUnsafeBytes` (or similar) call that produced the pointer. ``position`` tells the caller how
/// many bytes have been consumed, which page readers need to find the data after a page header.
///
/// This file holds the primitives; struct and container handling is in
/// `ThriftCompactReader+Structs.swift`, skipping in `ThriftCompactReader+Skip.swift`.
package struct ThriftCompactReader {
    /// The deepest nesting of structs and containers accepted.
    package static let maxDepth = 64

    /// The bytes being decoded.
    package let bytes: UnsafeRawBufferPointer
    /// The offset of the next byte to read.
    package internal(set) var position: Int
    /// What is being decoded, for error messages: "the footer", "page header", "column index".
    package let what: String

    /// How many structs and containers enclose the current read.
    var depth = 0
    /// The id of the previous field in the current struct, the base for delta-encoded ids.
    var lastFieldId: Int16 = 0
    /// The struct being read, for error messages.
    var structName: StaticString = "<top level>"

    /// Creates a reader at the start of `bytes`.
    /// - Parameters:
    ///   - bytes: the encoded data; must stay valid while the reader is used.
    ///   - what: a description of the data for error messages, such as "the footer".
    package init(_ bytes: UnsafeRawBufferPointer, what: String) {
        self.bytes = bytes
        self.position = 0
        self.what = what
    }

    /// The number of bytes not yet read.
    package var remaining: Int { bytes.count - position }

    // MARK: Errors

    /// A corrupt-file error for a fault at `offset` of the buffer.
    func corrupt(_ detail: String, at offset: Int, file: String = #fileID, line: Int = #line) -> ParquetError {
        ParquetError.corrupt("\(detail) at byte \(offset) of \(what)", file: file, line: line)
    }

    /// A corrupt-file error for data that ends inside a value that starts at `offset`.
    /// - Parameters:
    ///   - thing: what was being read, such as "a varint" or "binary".
    ///   - count: how many bytes the value needs in all, when known.
    func truncated(_ thing: String, needing count: Int? = nil, at offset: Int) -> ParquetError {
        let present = max(0, bytes.count - offset)
        let detail = count.map { " (needs \($0) bytes, \(present) present)" } ?? " (\(bytes.count) bytes in all)"
        return ParquetError.corrupt("unexpected end of data reading \(thing) at byte \(offset) of \(what)\(detail)")
    }

    // MARK: Raw bytes

    /// Reads one byte.
    /// - Complexity: O(1).
    package mutating func readByte() throws(ParquetError) -> UInt8 {
        guard position < bytes.count else { throw truncated("a byte", at: position) }
        let byte = bytes[position]
        position += 1
        return byte
    }

    /// Returns the next `count` bytes without copying them and moves past them.
    /// - Parameter thing: what the bytes are, for the error message.
    /// - Complexity: O(1).
    package mutating func readBytes(_ count: Int, for thing: String) throws(ParquetError) -> UnsafeRawBufferPointer {
        guard count >= 0 else { throw corrupt("negative length \(count) for \(thing)", at: position) }
        guard count <= remaining else { throw truncated(thing, needing: count, at: position) }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[position..<position + count])
        position += count
        return slice
    }

    // MARK: Integers

    /// Reads an unsigned LEB128 varint of at most 10 bytes (64 bits).
    /// - Complexity: O(1).
    package mutating func readVarint() throws(ParquetError) -> UInt64 {
        let start = position
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count else { throw truncated("a varint", at: start) }
            let byte = bytes[position]
            position += 1
            if shift == 63 && byte > 1 {
                throw corrupt("varint overflows 64 bits", at: start)
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// Reads an unsigned LEB128 varint of at most 5 bytes that must fit in 32 bits.
    /// - Complexity: O(1).
    package mutating func readVarint32() throws(ParquetError) -> UInt32 {
        let start = position
        var result: UInt32 = 0
        var shift: UInt32 = 0
        while true {
            guard position < bytes.count else { throw truncated("a varint", at: start) }
            let byte = bytes[position]
            position += 1
            if shift == 28 && byte > 0x0F {
                throw corrupt("varint overflows 32 bits", at: start)
            }
            result |= UInt32(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// Reads a one-byte `i8`.
    package mutating func readI8() throws(ParquetError) -> Int8 {
        Int8(bitPattern: try readByte())
    }

    /// Reads a zigzag varint `i16`.
    package mutating func readI16() throws(ParquetError) -> Int16 {
        let start = position
        let value = try readI32()
        guard let narrow = Int16(exactly: value) else {
            throw corrupt("i16 value \(value) is out of range", at: start)
        }
        return narrow
    }

    /// Reads a zigzag varint `i32`.
    package mutating func readI32() throws(ParquetError) -> Int32 {
        ThriftZigZag.decode(try readVarint32())
    }

    /// Reads a zigzag varint `i64`.
    package mutating func readI64() throws(ParquetError) -> Int64 {
        ThriftZigZag.decode(try readVarint())
    }

    /// Reads an 8-byte little-endian IEEE 754 `double`.
    package mutating func readDouble() throws(ParquetError) -> Double {
        let raw = try readBytes(8, for: "a double")
        return Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)))
    }

    /// Reads a 16-byte `uuid`.
    package mutating func readUUID() throws(ParquetError) -> [UInt8] {
        [UInt8](try readBytes(16, for: "a uuid"))
    }

    // MARK: Binary and strings

    /// Reads a length-prefixed binary value without copying it.
    /// - Returns: a view into ``bytes``, valid as long as the buffer is.
    package mutating func readBinaryView() throws(ParquetError) -> UnsafeRawBufferPointer {
        let start = position
        let length = try readVarint32()
        guard length <= UInt32(Int32.max) else {
            throw corrupt("negative binary length \(Int32(bitPattern: length))", at: start)
        }
        let count = Int(length)
        guard count <= remaining else {
            throw corrupt("binary of \(count) bytes exceeds the \(remaining) bytes remaining", at: start)
        }
        return try readBytes(count, for: "binary")
    }

    /// Reads a length-prefixed binary value into an array.
    package mutating func readBinary() throws(ParquetError) -> [UInt8] {
        [UInt8](try readBinaryView())
    }

    /// Reads a length-prefixed UTF-8 string; invalid UTF-8 is repaired with U+FFFD, as other Parquet
    /// readers do, rather than rejected.
    package mutating func readString() throws(ParquetError) -> String {
        String(decoding: try readBinaryView(), as: UTF8.self)
    }

    /// Reads a bool stored as a container element: 1 is true, 0 or 2 is false.
    package mutating func readBoolElement() throws(ParquetError) -> Bool {
        let start = position
        switch try readByte() {
        case 1: return true
        case 0, 2: return false
        case let other: throw corrupt("invalid Thrift bool element \(other)", at: start)
        }
    }
}

/// Zigzag conversion between signed integers and the unsigned varints the compact protocol sends.
package enum ThriftZigZag {
    /// Maps 0, -1, 1, -2 … to 0, 1, 2, 3 ….
    package static func encode(_ value: Int32) -> UInt32 {
        UInt32(bitPattern: (value << 1) ^ (value >> 31))
    }

    /// Maps 0, -1, 1, -2 … to 0, 1, 2, 3 ….
    package static func encode(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    /// The inverse of ``encode(_:)-(Int32)``.
    package static func decode(_ value: UInt32) -> Int32 {
        Int32(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
    }

    /// The inverse of ``encode(_:)-(Int64)``.
    package static func decode(_ value: UInt64) -> Int64 {
        Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
    }
}
