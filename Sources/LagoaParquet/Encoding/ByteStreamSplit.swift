package import LagoaColumnar

/// Decodes and encodes BYTE_STREAM_SPLIT (Encoding 9): `width` streams of `count` bytes, stream `k`
/// holding byte `k` of every value, for FLOAT, DOUBLE, FLOAT16, INT32, INT64 and
/// FIXED_LEN_BYTE_ARRAY of any width.
///
/// Widths 2, 4 and 8 have dedicated loops that gather one value's bytes into a register and store
/// it once; other widths scatter byte by byte.
package enum ByteStreamSplit {
    /// Decodes `count` values of `width` bytes into `out`.
    /// - Parameters:
    ///   - input: the streams; exactly `count * width` bytes (the encoding has no length field).
    ///   - count: the number of values (non-null values of the page).
    ///   - width: bytes per value, at least 1.
    ///   - out: room for `count * width` bytes.
    /// - Throws: ``ParquetError`` when `input` is not exactly `count * width` bytes.
    /// - Complexity: O(count * width).
    package static func decode(
        _ input: UnsafeRawBufferPointer,
        count: Int,
        width: Int,
        into out: UnsafeMutableRawPointer
    ) throws(ParquetError) {
        precondition(width > 0, "a BYTE_STREAM_SPLIT value has at least one byte")
        guard count >= 0, input.count % width == 0, input.count / width == count else {
            throw ParquetError.corrupt(
                "BYTE_STREAM_SPLIT data has \(input.count) bytes but \(count) values of \(width) bytes were expected"
            )
        }
        guard count > 0, let source = input.baseAddress else { return }
        @inline(__always) func byte(_ stream: Int, _ i: Int) -> UInt64 {
            UInt64(source.load(fromByteOffset: stream &* count &+ i, as: UInt8.self))
        }
        switch width {
        case 2:
            for i in 0..<count {
                let value = byte(0, i) | byte(1, i) << 8
                out.storeBytes(of: UInt16(truncatingIfNeeded: value).littleEndian, toByteOffset: 2 * i, as: UInt16.self)
            }
        case 4:
            for i in 0..<count {
                let value = byte(0, i) | byte(1, i) << 8 | byte(2, i) << 16 | byte(3, i) << 24
                out.storeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian, toByteOffset: 4 * i, as: UInt32.self)
            }
        case 8:
            for i in 0..<count {
                let low = byte(0, i) | byte(1, i) << 8 | byte(2, i) << 16 | byte(3, i) << 24
                let high = byte(4, i) | byte(5, i) << 8 | byte(6, i) << 16 | byte(7, i) << 24
                out.storeBytes(of: (low | high << 32).littleEndian, toByteOffset: 8 * i, as: UInt64.self)
            }
        default:
            for stream in 0..<width {
                let from = source + stream * count
                for i in 0..<count {
                    out.storeBytes(
                        of: from.load(fromByteOffset: i, as: UInt8.self),
                        toByteOffset: i * width + stream,
                        as: UInt8.self
                    )
                }
            }
        }
    }

    /// Appends the streams for `count` values of `width` bytes read from `values`.
    /// - Complexity: O(count * width).
    package static func encode(
        _ values: UnsafeRawPointer,
        count: Int,
        width: Int,
        into out: inout MutableBuffer
    ) {
        precondition(width > 0 && count >= 0, "BYTE_STREAM_SPLIT needs a positive width and a count")
        let total = count * width
        out.reserve(total)
        let target = out.pointer + out.count
        for stream in 0..<width {
            let to = target + stream * count
            for i in 0..<count {
                to.storeBytes(
                    of: values.load(fromByteOffset: i * width + stream, as: UInt8.self),
                    toByteOffset: i,
                    as: UInt8.self
                )
            }
        }
        out.count += total
    }
}
