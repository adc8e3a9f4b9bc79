import LagoaColumnar

/// Encodes a page's physical values with a non-dictionary encoding.
enum ValueEncoder {
    /// Appends values `range` encoded with `encoding`.
    /// - Parameters:
    ///   - values: the chunk's physical values.
    ///   - range: the page's values.
    ///   - encoding: PLAIN, RLE (booleans), DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY,
    ///     DELTA_BYTE_ARRAY or BYTE_STREAM_SPLIT, already checked against the physical type.
    ///   - physicalType: the leaf's physical type.
    ///   - out: the page buffer.
    /// - Throws: ``ParquetError`` when a byte array is longer than Parquet allows.
    /// - Complexity: O(range.count + bytes).
    static func encode(
        _ values: PhysicalValues,
        _ range: Range<Int>,
        encoding: Encoding,
        physicalType: PhysicalType,
        into out: inout MutableBuffer
    ) throws(ParquetError) {
        let n = range.count
        switch encoding {
        case .plain:
            if values.isBoolean {
                PlainEncoder.encodeBooleans(values.fixed(UInt8.self, range).baseAddress!, count: n, into: &out)
            } else if values.isByteArray {
                try PlainEncoder.encodeByteArrays(offsets: values.offsets(range), bytes: values.data, into: &out)
            } else if n > 0 {
                PlainEncoder.encodeFixedWidth(values.base + range.lowerBound * values.width, count: n, width: values.width, into: &out)
            }
        case .rle:
            RLEHybridEncoder.encodeLengthPrefixed(values.fixed(UInt8.self, range), bitWidth: 1, into: &out)
        case .deltaBinaryPacked:
            if physicalType == .int32 {
                DeltaBinaryPackedEncoder.encode(values.fixed(Int32.self, range), into: &out)
            } else {
                DeltaBinaryPackedEncoder.encode(values.fixed(Int64.self, range), into: &out)
            }
        case .deltaLengthByteArray:
            try DeltaLengthByteArray.encode(offsets: values.offsets(range), bytes: values.data, into: &out)
        case .deltaByteArray:
            if values.isByteArray {
                try DeltaByteArray.encode(offsets: values.offsets(range), bytes: values.data, into: &out)
            } else {
                let width = values.width
                var offsets = MutableBuffer(capacity: (n + 1) * 8)
                for i in range.lowerBound...range.upperBound { offsets.append(Int64(i * width)) }
                let o = UnsafeBufferPointer(start: offsets.typed(Int64.self), count: n + 1)
                try DeltaByteArray.encode(offsets: o, bytes: values.base, into: &out)
            }
        case .byteStreamSplit:
            ByteStreamSplit.encode(values.base + range.lowerBound * values.width, count: n, width: values.width, into: &out)
        default:
            throw ParquetError(.internal, "the writer chose encoding \(encoding) for \(physicalType) values; this is a bug, please report it")
        }
    }
}
