package import LagoaColumnar

/// Decodes PLAIN (Encoding 0) values: fixed-width values back to back (INT32, INT64, INT96, FLOAT,
/// DOUBLE, FIXED_LEN_BYTE_ARRAY), booleans one bit each LSB first, and byte arrays as a 4-byte
/// little-endian length followed by the bytes.
///
/// Every decoder checks the input length before touching it and returns the bytes consumed, so a
/// caller can decode a page in several calls. Booleans are in `PlainDecoder+Booleans.swift`.
package enum PlainDecoder {
    /// Copies `count` values of `width` bytes (INT32 4, INT64 8, INT96 12, FLOAT 4, DOUBLE 8,
    /// FIXED_LEN_BYTE_ARRAY its type length) from `input` into `out`; INT96 values are copied raw.
    /// - Parameters:
    ///   - input: the encoded values.
    ///   - count: how many values.
    ///   - width: bytes per value, at least 1.
    ///   - out: room for `count * width` bytes.
    /// - Returns: the number of bytes consumed, `count * width`.
    /// - Throws: ``ParquetError`` when `input` is too short.
    /// - Complexity: O(count * width), one `memcpy`.
    @discardableResult
    package static func decodeFixedWidth(
        _ input: UnsafeRawBufferPointer,
        count: Int,
        width: Int,
        into out: UnsafeMutableRawPointer
    ) throws(ParquetError) -> Int {
        precondition(width > 0, "a PLAIN value has at least one byte")
        guard count >= 0 && count <= input.count / width else {
            throw ParquetError.corrupt(
                "PLAIN data has \(input.count) bytes, too few for \(count) values of \(width) bytes"
            )
        }
        let byteCount = count * width
        if byteCount > 0 { out.copyMemory(from: input.baseAddress!, byteCount: byteCount) }
        return byteCount
    }

    /// Decodes `count` BYTE_ARRAY values into Arrow-style offsets and data.
    ///
    /// This is the hottest loop of a Parquet reader, so it makes one pass: both buffers are reserved
    /// once (data gets `input.count - 4 * count` bytes, an upper bound on the values' total, plus slack), the
    /// offsets are stored through a raw pointer, and short values are copied in 16-byte chunks
    /// (``ByteCopy``) rather than by a `memmove` call each.
    /// - Parameters:
    ///   - input: the encoded values.
    ///   - count: how many values.
    ///   - offsets: receives `count` Int64 end offsets; must already hold the start offset.
    ///   - data: receives the values' bytes.
    /// - Returns: the number of bytes consumed.
    /// - Throws: ``ParquetError`` when a length or a value runs past the end of `input`, e.g.
    ///   `PLAIN BYTE_ARRAY value length 5000 at byte 12 runs past the end of the page (40 bytes)`.
    /// - Complexity: O(count + total bytes); allocation is bounded by `input.count` because every
    ///   value needs a 4-byte length.
    @discardableResult
    package static func decodeByteArrays(
        _ input: UnsafeRawBufferPointer,
        count: Int,
        offsets: inout MutableBuffer,
        data: inout MutableBuffer
    ) throws(ParquetError) -> Int {
        let end = input.count
        guard count >= 0 && count <= end / 4 else {
            throw ParquetError.corrupt(
                "PLAIN BYTE_ARRAY data has \(end) bytes, too few for the lengths of \(count) values"
            )
        }
        guard count > 0, let source = input.baseAddress else { return 0 }
        let start = offsets.lastOffset
        offsets.reserve(8 * count)
        data.reserve(end - 4 * count + ByteCopy.slack)
        let offsetsOut = offsets.pointer + offsets.count
        let target = data.pointer + data.count
        var position = 0
        var written = 0
        // Wrapping arithmetic below cannot overflow: every quantity is bounded by `end`.
        for i in 0..<count {
            // Invariant: `end - position >= 4 * (count - i)`, so this value's length is in bounds.
            let length = Int(UInt32(littleEndian: source.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
            // The value must leave room for the remaining lengths: this keeps `written` within the
            // `end - 4 * count` bytes reserved, even for hostile data.
            guard length <= end &- position &- 4 &* (count &- i) else {
                throw byteArrayOverrun(length: length, at: position, remainingValues: count - i - 1, end: end)
            }
            position &+= 4
            // `to` has slack (data was reserved with ByteCopy.slack bytes beyond the maximum total);
            // `from` has it when that many more input bytes follow the value.
            ByteCopy.copy(
                to: target + written,
                from: source + position,
                count: length,
                hasSlack: end &- position &- length >= ByteCopy.slack
            )
            position &+= length
            written &+= length
            offsetsOut.storeBytes(of: start &+ Int64(written), toByteOffset: 8 &* i, as: Int64.self)
        }
        offsets.count += 8 * count
        data.count += written
        return position
    }

    /// The error for a BYTE_ARRAY value of `length` bytes, whose length is at byte `offset`, that
    /// does not fit, or leaves too few bytes for the lengths of the values after it.
    private static func byteArrayOverrun(length: Int, at offset: Int, remainingValues: Int, end: Int) -> ParquetError {
        if length > end - offset - 4 {
            return ParquetError.corrupt(
                "PLAIN BYTE_ARRAY value length \(length) at byte \(offset) runs past the end of the page (\(end) bytes)"
            )
        }
        return ParquetError.corrupt(
            "PLAIN BYTE_ARRAY value length \(length) at byte \(offset) leaves too few bytes for the lengths of the "
                + "\(remainingValues) values after it (page of \(end) bytes)"
        )
    }
}
