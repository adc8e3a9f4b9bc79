import LagoaColumnar

/// Appends used by the Parquet encoders, and the offsets helper the byte-array decoders share.
extension MutableBuffer {
    /// Appends an unsigned LEB128 varint.
    /// - Complexity: O(1); at most 10 bytes.
    mutating func appendULEB128(_ value: UInt64) {
        reserve(10)
        var value = value
        var offset = count
        while value >= 0x80 {
            pointer.storeBytes(of: UInt8(truncatingIfNeeded: value) | 0x80, toByteOffset: offset, as: UInt8.self)
            value >>= 7
            offset += 1
        }
        pointer.storeBytes(of: UInt8(value), toByteOffset: offset, as: UInt8.self)
        count = offset + 1
    }

    /// Appends a zigzag-encoded signed LEB128 varint.
    /// - Complexity: O(1).
    mutating func appendZigZag(_ value: Int64) {
        appendULEB128(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Appends a 4-byte little-endian unsigned integer.
    /// - Complexity: O(1).
    mutating func appendUInt32LE(_ value: UInt32) {
        append(value.littleEndian)
    }

    /// Overwrites the 4 bytes at `offset` with a little-endian unsigned integer (for length prefixes
    /// written before the length is known).
    /// - Complexity: O(1).
    mutating func storeUInt32LE(_ value: UInt32, at offset: Int) {
        precondition(offset >= 0 && offset + 4 <= count, "length prefix at \(offset) is outside the buffer")
        pointer.storeBytes(of: value.littleEndian, toByteOffset: offset, as: UInt32.self)
    }

    /// The last Int64 in an Arrow offsets buffer: where the next value starts.
    /// - Precondition: the buffer holds at least one offset (the caller writes the starting offset).
    var lastOffset: Int64 {
        precondition(count >= 8 && count % 8 == 0, "an offsets buffer must start with the first value's start offset")
        return pointer.loadUnaligned(fromByteOffset: count - 8, as: Int64.self)
    }
}
