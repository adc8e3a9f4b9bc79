import LagoaColumnar

/// Spreads densely packed values into a column with nulls, following a validity bitmap.
enum ValueSpreader {
    /// A column of `count` values where slot `i` holds the next dense value when validity bit `i`
    /// is set, and null otherwise.
    /// - Precondition: the number of set bits equals `dense.count`.
    /// - Complexity: O(count); string and binary data are shared, not copied.
    static func spread(_ dense: Column, validity: Buffer, count: Int) -> Column {
        let bits = validity.pointer
        let nullCount = count - dense.count
        if nullCount == 0 {
            return dense
        }
        switch dense.type {
        case .boolean:
            let out = MutableBuffer(zeroed: Bitmap.byteCount(count))
            var j = 0
            for i in 0..<count where Bitmap.get(bits, i) {
                if dense.bool(at: j) { Bitmap.set(out.pointer, i) }
                j += 1
            }
            return Column(type: dense.type, count: count, nullCount: nullCount, validity: validity, values: out.finish())
        case .string, .binary:
            var offsets = MutableBuffer(capacity: (count + 1) * 8)
            let src = dense.offsets
            let dst = offsets.typed(Int64.self)
            dst[0] = src[0]
            var j = 0
            for i in 0..<count {
                j &+= Int(bits.load(fromByteOffset: i >> 3, as: UInt8.self) >> UInt8(i & 7)) & 1
                dst[i + 1] = src[j]
            }
            offsets.count = (count + 1) * 8
            return Column(
                type: dense.type, count: count, nullCount: nullCount, validity: validity,
                values: offsets.finish(), data: dense.data)
        default:
            let width = dense.type.fixedWidth!
            let out = MutableBuffer(zeroed: count * width)
            let src = dense.values!.pointer + dense.offset * width
            let dst = out.pointer
            var j = 0
            switch width {
            case 4: spreadFixed(UInt32.self, src, dst, bits, count, &j)
            case 8: spreadFixed(UInt64.self, src, dst, bits, count, &j)
            default:
                for i in 0..<count where Bitmap.get(bits, i) {
                    (dst + i * width).copyMemory(from: src + j * width, byteCount: width)
                    j += 1
                }
            }
            return Column(type: dense.type, count: count, nullCount: nullCount, validity: validity, values: out.finish())
        }
    }

    @inline(__always)
    private static func spreadFixed<T: FixedWidthInteger>(
        _: T.Type, _ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer, _ bits: UnsafeRawPointer, _ count: Int, _ j: inout Int
    ) {
        let s = src.assumingMemoryBound(to: T.self)
        let d = dst.assumingMemoryBound(to: T.self)
        for i in 0..<count where Bitmap.get(bits, i) {
            d[i] = s[j]
            j += 1
        }
    }
}
