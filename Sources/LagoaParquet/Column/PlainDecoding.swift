import LagoaColumnar

/// PLAIN decoding of fixed-width and BYTE_ARRAY values, appending to ``DecodedValues``.
/// These are the hottest loops of the reader.
enum PlainDecoding {
    /// Appends `count` values of `width` bytes.
    /// - Throws: ``ParquetError`` when the page holds fewer than `count * width` bytes.
    static func fixed(_ data: UnsafeRawBufferPointer, count: Int, width: Int, into out: inout DecodedValues) throws(ParquetError) {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: width)
        guard !overflow, bytes <= data.count else {
            throw ParquetError.corrupt("PLAIN data holds \(data.count) bytes, too few for \(count) values of \(width) bytes")
        }
        out.values.append(UnsafeRawBufferPointer(start: data.baseAddress, count: bytes))
        out.count += count
    }

    /// Appends `count` length-prefixed BYTE_ARRAY values.
    /// - Throws: ``ParquetError`` when a length runs past the end of the page.
    /// - Complexity: O(count + bytes).
    static func byteArray(_ data: UnsafeRawBufferPointer, count: Int, into out: inout DecodedValues) throws(ParquetError) {
        guard count > 0 else { return }
        guard let base = data.baseAddress else {
            throw ParquetError.corrupt("PLAIN BYTE_ARRAY data is empty but should hold \(count) values")
        }
        let end = data.count
        guard count <= end / 4 else {
            throw ParquetError.corrupt("PLAIN BYTE_ARRAY data holds \(end) bytes, too few for \(count) values")
        }
        out.values.reserve(count * 8)
        out.data.reserve(end - 4 * count)
        var position = 0
        var written = out.data.count
        let offsets = out.values.typed(Int64.self) + (out.count + 1)
        let dst = out.data.pointer
        for k in 0..<count {
            guard position + 4 <= end else {
                throw ParquetError.corrupt("PLAIN BYTE_ARRAY value \(k) length at byte \(position) runs past the end of the page (\(end) bytes)")
            }
            let length = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
            position &+= 4
            guard length <= end &- position else {
                throw ParquetError.corrupt("PLAIN BYTE_ARRAY value \(k) of \(length) bytes at byte \(position - 4) runs past the end of the page (\(end) bytes)")
            }
            (dst + written).copyMemory(from: base + position, byteCount: length)
            position &+= length
            written &+= length
            offsets[k] = Int64(written)
        }
        out.data.count = written
        out.values.count += count * 8
        out.count += count
    }
}
