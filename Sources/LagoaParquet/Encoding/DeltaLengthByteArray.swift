package import LagoaColumnar

/// Decodes and encodes DELTA_LENGTH_BYTE_ARRAY (Encoding 6): every value's length, encoded with
/// DELTA_BINARY_PACKED, then all the values' bytes back to back.
///
/// Byte-array output is Arrow-style: `offsets` holds Int64 end offsets (the caller has written the
/// first value's start offset; each value appends its end) and `data` the bytes. The lengths are
/// decoded into the spare capacity of `offsets` and turned into offsets in place, and the bytes are
/// copied with one `memcpy`, so decoding allocates nothing beyond the two output buffers.
package enum DeltaLengthByteArray {
    /// Decodes `count` values.
    /// - Parameters:
    ///   - input: the encoded values, lengths first.
    ///   - count: the number of values (non-null values of the page); the lengths' header must
    ///     announce exactly this many.
    ///   - offsets: receives `count` Int64 end offsets; must already hold the start offset.
    ///   - data: receives the values' bytes.
    /// - Returns: the number of input bytes consumed.
    /// - Throws: ``ParquetError`` for malformed lengths, negative lengths, or bytes that run past
    ///   the end of `input`.
    /// - Complexity: O(count + total bytes); `offsets` grows by `8 * count` bytes, so callers bound
    ///   `count` (the page's value count) before calling.
    @discardableResult
    package static func decode(
        _ input: UnsafeRawBufferPointer,
        count: Int,
        offsets: inout MutableBuffer,
        data: inout MutableBuffer
    ) throws(ParquetError) -> Int {
        let start = offsets.lastOffset
        var lengths = try DeltaBinaryPackedDecoder<Int32>(input)
        guard lengths.totalCount == count else {
            throw ParquetError.corrupt(
                "DELTA_LENGTH_BYTE_ARRAY holds \(lengths.totalCount) lengths but \(count) values were expected"
            )
        }
        guard count > 0 else { return lengths.bytesConsumed }
        offsets.reserve(count * 8)
        let region = offsets.pointer + offsets.count
        let lengthsAt = 4 * count
        try lengths.decode(into: (region + lengthsAt).bindMemory(to: Int32.self, capacity: count), count: count)
        let bytesStart = lengths.bytesConsumed
        let total = try lengthsToOffsets(
            region,
            lengthsAt: lengthsAt,
            count: count,
            start: start,
            available: input.count - bytesStart,
            what: "DELTA_LENGTH_BYTE_ARRAY value"
        )
        // The lengths were written as Int32; the region now holds Int64 offsets.
        _ = region.bindMemory(to: Int64.self, capacity: count)
        offsets.count += 8 * count
        data.append(UnsafeRawBufferPointer(rebasing: input[bytesStart..<(bytesStart + total)]))
        return bytesStart + total
    }

    /// Turns the Int32 lengths stored at byte `lengthsAt` of `region` into Int64 end offsets at the
    /// start of `region`, in place: writing offset `i` (bytes `8i..<8i+8`) only overwrites lengths
    /// already read, because the lengths start at `4 * count`.
    /// - Returns: the sum of the lengths.
    /// - Throws: ``ParquetError`` for a negative length or lengths adding up to more than `available`.
    /// - Complexity: O(count).
    static func lengthsToOffsets(
        _ region: UnsafeMutableRawPointer,
        lengthsAt: Int,
        count: Int,
        start: Int64,
        available: Int,
        what: String
    ) throws(ParquetError) -> Int {
        precondition(lengthsAt >= 4 * count, "lengths must not overlap the offsets written before them")
        var total = 0
        for i in 0..<count {
            let length = Int(region.load(fromByteOffset: lengthsAt + 4 * i, as: Int32.self))
            guard length >= 0 else {
                throw ParquetError.corrupt("\(what) \(i) has negative length \(length)")
            }
            total += length
            guard total <= available else {
                throw ParquetError.corrupt(
                    "\(what) \(i) of length \(length) runs past the end of the data (\(available) bytes of values)"
                )
            }
            region.storeBytes(of: start + Int64(total), toByteOffset: 8 * i, as: Int64.self)
        }
        return total
    }

    /// Appends the encoding of `count` byte arrays given Arrow-style.
    /// - Parameters:
    ///   - offsets: `count + 1` offsets into `bytes`; value `i` is `bytes[offsets[i]..<offsets[i+1]]`.
    ///   - bytes: the values' bytes (may be nil when every value is empty).
    ///   - out: the buffer to append to.
    /// - Throws: ``ParquetError`` when a value is longer than Parquet allows (`Int32.max` bytes).
    /// - Complexity: O(count + total bytes).
    package static func encode(
        offsets: UnsafeBufferPointer<Int64>,
        bytes: UnsafeRawPointer?,
        into out: inout MutableBuffer
    ) throws(ParquetError) {
        let count = max(0, offsets.count - 1)
        var lengths = [Int32](repeating: 0, count: count)
        for i in 0..<count {
            lengths[i] = try checkedLength(offsets[i + 1] - offsets[i], index: i)
        }
        lengths.withUnsafeBufferPointer { DeltaBinaryPackedEncoder.encode($0, into: &out) }
        if count > 0, let bytes, offsets[count] > offsets[0] {
            out.append(UnsafeRawBufferPointer(start: bytes + Int(offsets[0]), count: Int(offsets[count] - offsets[0])))
        }
    }

    /// A byte-array length as Parquet stores it, or an error when it does not fit in 31 bits.
    static func checkedLength(_ length: Int64, index: Int) throws(ParquetError) -> Int32 {
        guard length >= 0 && length <= Int64(Int32.max) else {
            throw ParquetError(
                .invalidArgument,
                "BYTE_ARRAY value \(index) has length \(length); Parquet allows 0...\(Int32.max) bytes"
            )
        }
        return Int32(length)
    }
}
