/// A read position in an encoded buffer with the varint and fixed-width reads the Parquet encodings
/// need, each checked against the end of the buffer.
///
/// The cursor borrows its buffer: it must not outlive the `withUnsafeBytes` (or similar) call that
/// produced the pointer. Every fault names the thing being read (`what`) and its byte offset.
struct ByteCursor {
    /// The bytes being read.
    let bytes: UnsafeRawBufferPointer
    /// Offset of the next byte to read.
    var position: Int

    /// Creates a cursor at `position` of `bytes`.
    init(_ bytes: UnsafeRawBufferPointer, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// Bytes not yet read.
    var remaining: Int { bytes.count - position }

    /// Reads one byte.
    /// - Parameter what: the value being read, for the error message, e.g. "miniblock bit width".
    /// - Complexity: O(1).
    @inline(__always)
    mutating func readByte(_ what: @autoclosure () -> String) throws(ParquetError) -> UInt8 {
        guard position < bytes.count else { throw truncated(what(), needing: 1) }
        let byte = bytes.load(fromByteOffset: position, as: UInt8.self)
        position += 1
        return byte
    }

    /// Reads a 4-byte little-endian unsigned integer.
    /// - Complexity: O(1).
    @inline(__always)
    mutating func readUInt32(_ what: @autoclosure () -> String) throws(ParquetError) -> UInt32 {
        guard remaining >= 4 else { throw truncated(what(), needing: 4) }
        let value = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self))
        position += 4
        return value
    }

    /// Reads an unsigned LEB128 varint of at most 64 bits (10 bytes).
    /// - Complexity: O(1); at most 10 bytes are read.
    @inline(__always)
    mutating func readULEB128(_ what: @autoclosure () -> String) throws(ParquetError) -> UInt64 {
        // The common case: a one-byte varint (run headers, small counts).
        if position < bytes.count {
            let first = bytes.load(fromByteOffset: position, as: UInt8.self)
            if first < 0x80 {
                position += 1
                return UInt64(first)
            }
        }
        return try readLongULEB128(what())
    }

    /// The general varint path, kept out of line so the one-byte case stays small.
    private mutating func readLongULEB128(_ what: String) throws(ParquetError) -> UInt64 {
        let start = position
        var result: UInt64 = 0
        var shift: UInt64 = 0
        var offset = position
        while true {
            guard offset < bytes.count else {
                throw ParquetError.corrupt(
                    "\(what) varint at byte \(start) runs past the end of the data (\(bytes.count) bytes)"
                )
            }
            let byte = bytes.load(fromByteOffset: offset, as: UInt8.self)
            offset += 1
            if shift == 63 && byte > 1 {
                throw ParquetError.corrupt("\(what) varint at byte \(start) does not fit in 64 bits")
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        position = offset
        return result
    }

    /// Reads a zigzag-encoded signed LEB128 varint of at most 64 bits.
    /// - Complexity: O(1).
    @inline(__always)
    mutating func readZigZag(_ what: @autoclosure () -> String) throws(ParquetError) -> Int64 {
        let raw = try readULEB128(what())
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// The error for a value of `count` bytes that starts at ``position`` and does not fit.
    func truncated(_ what: String, needing count: Int) -> ParquetError {
        ParquetError.corrupt(
            "\(what) of \(count) bytes at byte \(position) runs past the end of the data (\(bytes.count) bytes)"
        )
    }
}
