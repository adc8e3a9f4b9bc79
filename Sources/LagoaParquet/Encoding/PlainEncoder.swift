package import LagoaColumnar

/// Encodes PLAIN (Encoding 0) values, the inverse of ``PlainDecoder``.
package enum PlainEncoder {
    /// Appends `count` fixed-width values of `width` bytes (INT32, INT64, INT96, FLOAT, DOUBLE,
    /// FIXED_LEN_BYTE_ARRAY), already little-endian in memory.
    /// - Complexity: O(count * width), one `memcpy`.
    package static func encodeFixedWidth(
        _ values: UnsafeRawPointer,
        count: Int,
        width: Int,
        into out: inout MutableBuffer
    ) {
        precondition(width > 0 && count >= 0, "PLAIN values need a positive width and a count")
        out.append(UnsafeRawBufferPointer(start: values, count: count * width))
    }

    /// Appends `count` booleans, given one byte per value (non-zero is true), packed one bit each,
    /// LSB first, the last byte padded with zeros.
    /// - Complexity: O(count).
    package static func encodeBooleans(_ values: UnsafePointer<UInt8>, count: Int, into out: inout MutableBuffer) {
        let byteCount = (count + 7) >> 3
        out.reserve(byteCount)
        let target = out.pointer + out.count
        for byte in 0..<byteCount {
            var bits: UInt8 = 0
            for bit in 0..<min(8, count - byte * 8) where values[byte * 8 + bit] != 0 {
                bits |= 1 << UInt8(bit)
            }
            target.storeBytes(of: bits, toByteOffset: byte, as: UInt8.self)
        }
        out.count += byteCount
    }

    /// Appends `count` BYTE_ARRAY values given Arrow-style, each as a 4-byte little-endian length
    /// and its bytes.
    /// - Parameters:
    ///   - offsets: `count + 1` offsets into `bytes`; value `i` is `bytes[offsets[i]..<offsets[i+1]]`.
    ///   - bytes: the values' bytes (may be nil when every value is empty).
    ///   - out: the buffer to append to.
    /// - Throws: ``ParquetError`` when a value is longer than Parquet allows (`Int32.max` bytes).
    /// - Complexity: O(count + total bytes).
    package static func encodeByteArrays(
        offsets: UnsafeBufferPointer<Int64>,
        bytes: UnsafeRawPointer?,
        into out: inout MutableBuffer
    ) throws(ParquetError) {
        let count = max(0, offsets.count - 1)
        guard count > 0 else { return }
        out.reserve(4 * count + Int(offsets[count] - offsets[0]))
        for i in 0..<count {
            let length = try DeltaLengthByteArray.checkedLength(offsets[i + 1] - offsets[i], index: i)
            out.appendUInt32LE(UInt32(length))
            if length > 0, let bytes {
                out.append(UnsafeRawBufferPointer(start: bytes + Int(offsets[i]), count: Int(length)))
            }
        }
    }
}
