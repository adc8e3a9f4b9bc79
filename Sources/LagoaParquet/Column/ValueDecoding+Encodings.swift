import LagoaColumnar

extension ValueDecoding {
    /// PLAIN booleans, one bit each, appended to the bitmap in ``DecodedValues/values``.
    static func plainBoolean(_ data: UnsafeRawBufferPointer, count: Int, into out: inout DecodedValues) throws(ParquetError) {
        reserveBits(&out, count)
        try PlainDecoder.decodeBooleans(data, count: count, intoBitmap: out.values.pointer, at: out.count)
        out.count += count
        out.values.count = Bitmap.byteCount(out.count)
    }

    /// RLE booleans: a 4-byte length, then hybrid runs of bit width 1.
    static func booleanRLE(_ data: UnsafeRawBufferPointer, count: Int, into out: inout DecodedValues) throws(ParquetError) {
        let (runs, _) = try RLEHybridDecoder.lengthPrefixed(data)
        var decoder = try RLEHybridDecoder(runs, bitWidth: 1, valueCount: count)
        var scratch = [UInt8](repeating: 0, count: count)
        try scratch.withUnsafeMutableBufferPointer { (buffer) throws(ParquetError) in
            guard count > 0 else { return }
            try decoder.decode(into: buffer.baseAddress!, count: count)
        }
        reserveBits(&out, count)
        let bits = out.values.pointer
        for (k, b) in scratch.enumerated() where b != 0 {
            Bitmap.set(bits, out.count + k)
        }
        out.count += count
        out.values.count = Bitmap.byteCount(out.count)
    }

    private static func reserveBits(_ out: inout DecodedValues, _ count: Int) {
        let needed = Bitmap.byteCount(out.count + count) + 8
        if needed > out.values.count {
            out.values.appendZeros(needed - out.values.count)
        }
        out.values.count = Bitmap.byteCount(out.count)
    }

    /// DELTA_BINARY_PACKED INT32 or INT64 values.
    static func deltaBinaryPacked(_ data: UnsafeRawBufferPointer, count: Int, is64: Bool, into out: inout DecodedValues) throws(ParquetError) {
        if is64 {
            var decoder = try DeltaBinaryPackedDecoder<Int64>(data)
            try checkCount(decoder.totalCount, count)
            out.values.reserve(count * 8)
            try decoder.decode(into: (out.values.pointer + out.values.count).assumingMemoryBound(to: Int64.self), count: count)
            out.values.count += count * 8
        } else {
            var decoder = try DeltaBinaryPackedDecoder<Int32>(data)
            try checkCount(decoder.totalCount, count)
            out.values.reserve(count * 4)
            try decoder.decode(into: (out.values.pointer + out.values.count).assumingMemoryBound(to: Int32.self), count: count)
            out.values.count += count * 4
        }
        out.count += count
    }

    private static func checkCount(_ declared: Int, _ expected: Int) throws(ParquetError) {
        guard declared == expected else {
            throw ParquetError.corrupt("DELTA_BINARY_PACKED data holds \(declared) values but the page has \(expected) non-null values")
        }
    }

    /// DELTA_LENGTH_BYTE_ARRAY values.
    static func deltaLengthByteArray(_ data: UnsafeRawBufferPointer, count: Int, into out: inout DecodedValues) throws(ParquetError) {
        try DeltaLengthByteArray.decode(data, count: count, offsets: &out.values, data: &out.data)
        out.count += count
    }

    /// DELTA_BYTE_ARRAY values; FIXED_LEN_BYTE_ARRAY values are converted back to fixed width.
    static func deltaByteArray(_ data: UnsafeRawBufferPointer, count: Int, fixedWidth: Int?, into out: inout DecodedValues) throws(ParquetError) {
        guard let width = fixedWidth else {
            try DeltaByteArray.decode(data, count: count, offsets: &out.values, data: &out.data)
            out.count += count
            return
        }
        var offsets = MutableBuffer(capacity: (count + 1) * 8)
        offsets.append(Int64(0))
        var bytes = MutableBuffer(capacity: count * width)
        try DeltaByteArray.decode(data, count: count, fixedLength: width, offsets: &offsets, data: &bytes)
        out.values.append(UnsafeRawBufferPointer(start: bytes.pointer, count: count * width))
        out.count += count
    }

    /// BYTE_STREAM_SPLIT values of `width` bytes.
    static func byteStreamSplit(_ data: UnsafeRawBufferPointer, count: Int, width: Int, into out: inout DecodedValues) throws(ParquetError) {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: width)
        guard !overflow, bytes == data.count else {
            throw ParquetError.corrupt("BYTE_STREAM_SPLIT data has \(data.count) bytes but \(count) values of \(width) bytes were expected")
        }
        out.values.reserve(bytes)
        try ByteStreamSplit.decode(data, count: count, width: width, into: out.values.pointer + out.values.count)
        out.values.count += count * width
        out.count += count
    }
}
