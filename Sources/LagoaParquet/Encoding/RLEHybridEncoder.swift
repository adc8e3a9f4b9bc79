package import LagoaColumnar

/// Encodes values with the RLE/bit-packing hybrid encoding (Encoding 3), the inverse of
/// ``RLEHybridDecoder``.
///
/// As parquet-mr and Arrow do, a value repeated at least 8 times at a group boundary becomes an RLE
/// run and everything else is bit-packed in groups of 8; a bit-packed run ends where an RLE run can
/// start, and the last group is padded with zeros (readers know the value count).
package enum RLEHybridEncoder {
    /// The shortest repetition written as an RLE run.
    static let minimumRepeat = 8
    /// The longest run the format allows (`2^31 - 1` values); longer runs are split.
    static let maximumRun = Int(Int32.max)

    /// Appends the hybrid encoding of `values` (without a length prefix) to `out`.
    /// - Parameters:
    ///   - values: the values; each must fit in `bitWidth` bits.
    ///   - bitWidth: 0...32.
    ///   - out: the buffer to append to.
    /// - Complexity: O(values.count).
    package static func encode<T: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafeBufferPointer<T>,
        bitWidth: Int,
        into out: inout MutableBuffer
    ) {
        precondition(
            bitWidth >= 0 && bitWidth <= RLEHybridDecoder.maxBitWidth,
            "bit width \(bitWidth) is outside 0...32"
        )
        precondition(
            bitWidth >= T.bitWidth || values.allSatisfy { $0 >> bitWidth == 0 },
            "every value must fit in the bit width \(bitWidth)"
        )
        guard let base = values.baseAddress else { return }
        let count = values.count
        var i = 0
        while i < count {
            let run = repeatLength(base, from: i, count: count)
            if run >= minimumRepeat {
                appendRepeat(base[i], length: run, bitWidth: bitWidth, into: &out)
                i += run
                continue
            }
            // A bit-packed run: whole groups of 8 until a long repeat starts at a group boundary.
            var end = i + 8
            while end < count && end - i < maximumRun - 8 && repeatLength(base, from: end, count: count) < minimumRepeat
            {
                end += 8
            }
            appendPacked(base + i, count: min(end, count) - i, bitWidth: bitWidth, into: &out)
            i = end
        }
    }

    /// Appends the hybrid encoding of `values` preceded by its 4-byte little-endian length, the form
    /// data page v1 levels and RLE-encoded booleans use.
    /// - Complexity: O(values.count).
    package static func encodeLengthPrefixed<T: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafeBufferPointer<T>,
        bitWidth: Int,
        into out: inout MutableBuffer
    ) {
        let prefixAt = out.count
        out.appendUInt32LE(0)
        encode(values, bitWidth: bitWidth, into: &out)
        out.storeUInt32LE(UInt32(out.count - prefixAt - 4), at: prefixAt)
    }

    /// Returns the hybrid encoding of `values` as bytes (convenient for tests and small pages).
    /// - Complexity: O(values.count).
    package static func encode<T: FixedWidthInteger & UnsignedInteger>(_ values: [T], bitWidth: Int) -> [UInt8] {
        var buffer = MutableBuffer(capacity: values.count / 2 + 16)
        values.withUnsafeBufferPointer { encode($0, bitWidth: bitWidth, into: &buffer) }
        return Array(UnsafeRawBufferPointer(start: buffer.pointer, count: buffer.count))
    }

    /// How many times `values[start]` repeats from `start` on, at most ``maximumRun``.
    @inline(__always)
    private static func repeatLength<T: FixedWidthInteger>(
        _ values: UnsafePointer<T>,
        from start: Int,
        count: Int
    ) -> Int {
        let value = values[start]
        let limit = min(count, start + maximumRun)
        var end = start + 1
        while end < limit && values[end] == value { end += 1 }
        return end - start
    }

    /// Appends one RLE run.
    private static func appendRepeat<T: FixedWidthInteger>(
        _ value: T,
        length: Int,
        bitWidth: Int,
        into out: inout MutableBuffer
    ) {
        out.appendULEB128(UInt64(length) << 1)
        let value = UInt64(truncatingIfNeeded: value)
        for k in 0..<((bitWidth + 7) >> 3) {
            out.append(UInt8(truncatingIfNeeded: value >> (8 * k)))
        }
    }

    /// Appends one bit-packed run of `count` values, padding the last group of 8 with zeros.
    private static func appendPacked<T: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafePointer<T>,
        count: Int,
        bitWidth: Int,
        into out: inout MutableBuffer
    ) {
        let groups = (count + 7) >> 3
        out.appendULEB128(UInt64(groups) << 1 | 1)
        let byteCount = groups * bitWidth
        out.reserve(byteCount + 8)
        let written = BitPacking.pack(values, count: count, bitWidth: bitWidth, into: out.pointer + out.count)
        // Zero the padding bytes of the last group.
        (out.pointer + out.count + written).initializeMemory(as: UInt8.self, repeating: 0, count: byteCount - written)
        out.count += byteCount
    }
}
