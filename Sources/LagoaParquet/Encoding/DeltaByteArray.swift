package import LagoaColumnar

/// Decodes and encodes DELTA_BYTE_ARRAY (Encoding 7), also called incremental encoding or front
/// compression: each value is the first `prefix` bytes of the previous value followed by a suffix.
/// The prefix lengths come first (DELTA_BINARY_PACKED), then the suffixes (DELTA_LENGTH_BYTE_ARRAY).
///
/// The first value of a page has no predecessor, so its prefix length must be 0. Output is
/// Arrow-style `offsets` and `data`, as for ``DeltaLengthByteArray``. Because prefixes can make a
/// small page expand enormously, the decoder checks the expanded size against a limit before
/// allocating.
package enum DeltaByteArray {
    /// The default cap on the bytes one page may expand to.
    package static let defaultMaxOutputBytes = 1 << 31

    /// Decodes `count` values.
    /// - Parameters:
    ///   - input: the encoded values, prefix lengths first.
    ///   - count: the number of values; both length headers must announce exactly this many.
    ///   - fixedLength: for FIXED_LEN_BYTE_ARRAY columns, the length every value must have.
    ///   - maxOutputBytes: the most bytes the values may expand to.
    ///   - offsets: receives `count` Int64 end offsets; must already hold the start offset.
    ///   - data: receives the values' bytes.
    /// - Returns: the number of input bytes consumed.
    /// - Throws: ``ParquetError`` for malformed lengths, a prefix longer than the previous value,
    ///   suffixes past the end of `input`, a wrong fixed length, or an expansion over the limit.
    /// - Complexity: O(count + output bytes); one scratch allocation of `4 * count` bytes.
    @discardableResult
    package static func decode(
        _ input: UnsafeRawBufferPointer,
        count: Int,
        fixedLength: Int? = nil,
        maxOutputBytes: Int = defaultMaxOutputBytes,
        offsets: inout MutableBuffer,
        data: inout MutableBuffer
    ) throws(ParquetError) -> Int {
        let start = offsets.lastOffset
        var prefixDecoder = try DeltaBinaryPackedDecoder<Int32>(input)
        guard prefixDecoder.totalCount == count else {
            throw ParquetError.corrupt(
                "DELTA_BYTE_ARRAY holds \(prefixDecoder.totalCount) prefix lengths but \(count) values were expected"
            )
        }
        let prefixes = UnsafeMutablePointer<Int32>.allocate(capacity: max(count, 1))
        defer { prefixes.deallocate() }
        try prefixDecoder.decode(into: prefixes, count: count)
        let suffixesAt = prefixDecoder.bytesConsumed
        let suffixInput = UnsafeRawBufferPointer(rebasing: input[suffixesAt...])
        var suffixDecoder = try DeltaBinaryPackedDecoder<Int32>(suffixInput)
        guard suffixDecoder.totalCount == count else {
            throw ParquetError.corrupt(
                "DELTA_BYTE_ARRAY holds \(suffixDecoder.totalCount) suffix lengths but \(count) values were expected"
            )
        }
        guard count > 0 else { return suffixesAt + suffixDecoder.bytesConsumed }
        // Suffix lengths go in the second half of the offsets' new space, as in DeltaLengthByteArray.
        offsets.reserve(count * 8)
        let region = offsets.pointer + offsets.count
        let suffixLengthsAt = 4 * count
        try suffixDecoder.decode(
            into: (region + suffixLengthsAt).bindMemory(to: Int32.self, capacity: count),
            count: count
        )
        let bytesStart = suffixesAt + suffixDecoder.bytesConsumed
        let available = input.count - bytesStart

        // Pass 1: validate every length and size the output.
        var previousLength = 0
        var suffixTotal = 0
        var outputTotal = 0
        for i in 0..<count {
            let prefix = Int(prefixes[i])
            let suffix = Int(region.load(fromByteOffset: suffixLengthsAt + 4 * i, as: Int32.self))
            guard prefix >= 0 && prefix <= previousLength else {
                throw ParquetError.corrupt(
                    "DELTA_BYTE_ARRAY prefix length \(prefix) of value \(i) is not within the previous value's "
                        + "\(previousLength) bytes"
                )
            }
            guard suffix >= 0 else {
                throw ParquetError.corrupt("DELTA_BYTE_ARRAY suffix length \(suffix) of value \(i) is negative")
            }
            suffixTotal += suffix
            guard suffixTotal <= available else {
                throw ParquetError.corrupt(
                    "DELTA_BYTE_ARRAY suffix of value \(i) (\(suffix) bytes) runs past the end of the data "
                        + "(\(available) bytes of suffixes)"
                )
            }
            previousLength = prefix + suffix
            if let fixedLength, previousLength != fixedLength {
                throw ParquetError.corrupt(
                    "DELTA_BYTE_ARRAY value \(i) has length \(previousLength) but the column's fixed length is \(fixedLength)"
                )
            }
            outputTotal += previousLength
            guard outputTotal <= maxOutputBytes else {
                throw ParquetError(
                    .resourceLimit,
                    "DELTA_BYTE_ARRAY page expands to more than \(maxOutputBytes) bytes at value \(i)"
                )
            }
        }

        // Pass 2: copy prefixes from the previous value and suffixes from the input.
        // Slack for ByteCopy's chunked copies.
        data.reserve(outputTotal + ByteCopy.slack)
        let target = data.pointer + data.count
        let suffixBytes = input.baseAddress! + bytesStart
        var written = 0
        var previousStart = 0
        var suffixOffset = 0
        for i in 0..<count {
            let prefix = Int(prefixes[i])
            let suffix = Int(region.load(fromByteOffset: suffixLengthsAt + 4 * i, as: Int32.self))
            // The prefix chunks read the previous value (which ends at `written`) and write from
            // `written` on; any bytes they write past the prefix are overwritten by the suffix.
            if prefix > 0 {
                ByteCopy.copy(to: target + written, from: target + previousStart, count: prefix, hasSlack: true)
            }
            ByteCopy.copy(
                to: target + written + prefix,
                from: suffixBytes + suffixOffset,
                count: suffix,
                hasSlack: available - suffixOffset - suffix >= ByteCopy.slack
            )
            previousStart = written
            written += prefix + suffix
            suffixOffset += suffix
            region.storeBytes(of: start + Int64(written), toByteOffset: 8 * i, as: Int64.self)
        }
        // The lengths were written as Int32; the region now holds Int64 offsets.
        _ = region.bindMemory(to: Int64.self, capacity: count)
        offsets.count += 8 * count
        data.count += outputTotal
        return bytesStart + suffixTotal
    }

    /// Appends the encoding of `count` byte arrays given Arrow-style.
    /// - Parameters:
    ///   - offsets: `count + 1` offsets into `bytes`; value `i` is `bytes[offsets[i]..<offsets[i+1]]`.
    ///   - bytes: the values' bytes (may be nil when every value is empty).
    ///   - out: the buffer to append to.
    /// - Throws: ``ParquetError`` when a value is longer than Parquet allows (`Int32.max` bytes).
    /// - Complexity: O(total bytes).
    package static func encode(
        offsets: UnsafeBufferPointer<Int64>,
        bytes: UnsafeRawPointer?,
        into out: inout MutableBuffer
    ) throws(ParquetError) {
        let count = max(0, offsets.count - 1)
        var prefixes = [Int32](repeating: 0, count: count)
        var suffixes = [Int32](repeating: 0, count: count)
        var previous = 0..<0
        for i in 0..<count {
            let length = Int(try DeltaLengthByteArray.checkedLength(offsets[i + 1] - offsets[i], index: i))
            let current = Int(offsets[i])..<(Int(offsets[i]) + length)
            var prefix = 0
            if let bytes {
                let limit = min(previous.count, length)
                while prefix < limit
                    && bytes.load(fromByteOffset: previous.lowerBound + prefix, as: UInt8.self)
                        == bytes.load(fromByteOffset: current.lowerBound + prefix, as: UInt8.self)
                {
                    prefix += 1
                }
            }
            prefixes[i] = Int32(prefix)
            suffixes[i] = Int32(length - prefix)
            previous = current
        }
        prefixes.withUnsafeBufferPointer { DeltaBinaryPackedEncoder.encode($0, into: &out) }
        suffixes.withUnsafeBufferPointer { DeltaBinaryPackedEncoder.encode($0, into: &out) }
        guard let bytes else { return }
        for i in 0..<count where suffixes[i] > 0 {
            let suffixStart = Int(offsets[i + 1]) - Int(suffixes[i])
            out.append(UnsafeRawBufferPointer(start: bytes + suffixStart, count: Int(suffixes[i])))
        }
    }
}
