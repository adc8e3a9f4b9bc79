import LagoaColumnar

/// A column chunk's dictionary page, decoded once and shared by its data pages.
struct DictionaryValues: Sendable {
    /// Fixed-width values, or `Int64` offsets for BYTE_ARRAY.
    let values: Buffer
    /// Bytes of BYTE_ARRAY values.
    let data: Buffer?
    let count: Int

    init(_ decoded: consuming DecodedValues) {
        count = decoded.count
        let isByteArray = decoded.isByteArray
        values = decoded.values.finish()
        data = isByteArray ? decoded.data.finish() : nil
    }

    /// Appends `dictionary[indices[i]]` for each index to `out`.
    /// - Precondition: every index is below ``count`` (checked while decoding the indices).
    /// - Complexity: O(n) values, plus the bytes copied for BYTE_ARRAY.
    func gather(_ indices: UnsafeBufferPointer<UInt32>, width: Int, into out: inout DecodedValues) {
        let n = indices.count
        if let data {
            let offsets = values.pointer.assumingMemoryBound(to: Int64.self)
            var total = 0
            for i in indices { total &+= Int(offsets[Int(i) + 1] &- offsets[Int(i)]) }
            out.data.reserve(total)
            out.values.reserve(n * 8)
            var position = out.data.count
            let dst = out.data.pointer
            let dstOffsets = out.values.typed(Int64.self) + (out.count + 1)
            let src = data.pointer
            for k in 0..<n {
                let i = Int(indices[k])
                let start = Int(offsets[i])
                let length = Int(offsets[i + 1]) &- start
                (dst + position).copyMemory(from: src + start, byteCount: length)
                position &+= length
                dstOffsets[k] = Int64(position)
            }
            out.data.count = position
            out.values.count += n * 8
        } else {
            // 8 spare bytes let widths below 8 be copied as one 8-byte word per value.
            out.values.reserve(n * width + 8)
            let dst = out.values.pointer + out.values.count
            switch width {
            case 4: Self.gatherFixed(UInt32.self, values.pointer, dst, indices)
            case 8: Self.gatherFixed(UInt64.self, values.pointer, dst, indices)
            case 16: Self.gatherFixed(UInt128.self, values.pointer, dst, indices)
            case 1..<8:
                // FIXED_LEN_BYTE_ARRAY decimals (7 bytes for precision 15): an overlapping 8-byte
                // store per value, whose extra bytes the next value overwrites. Entries near the
                // end of the dictionary, where an 8-byte load would pass it, are copied exactly.
                let src = values.pointer
                let lastWordStart = count * width - 8
                for k in 0..<n {
                    let offset = Int(indices[k]) * width
                    if offset <= lastWordStart {
                        (dst + k * width).storeBytes(of: src.loadUnaligned(fromByteOffset: offset, as: UInt64.self), as: UInt64.self)
                    } else {
                        (dst + k * width).copyMemory(from: src + offset, byteCount: width)
                    }
                }
            default:
                for k in 0..<n {
                    (dst + k * width).copyMemory(from: values.pointer + Int(indices[k]) * width, byteCount: width)
                }
            }
            out.values.count += n * width
        }
        out.count += n
    }

    @inline(__always)
    private static func gatherFixed<T: BitwiseCopyable>(_: T.Type, _ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer, _ indices: UnsafeBufferPointer<UInt32>) {
        let s = src.assumingMemoryBound(to: T.self)
        let d = dst.assumingMemoryBound(to: T.self)
        for k in 0..<indices.count {
            d[k] = s[Int(indices[k])]
        }
    }
}
