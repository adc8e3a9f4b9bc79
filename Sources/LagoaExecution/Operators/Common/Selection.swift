public import LagoaColumnar

/// Selection vectors: the row indices a boolean mask keeps, computed a 64-bit word at a time with
/// an arithmetic-mask inner loop (no data-dependent branch per row; see notes/swift-build.md §3).
public enum Selection {
    /// Indices of the rows where `mask` is true (valid and set). NULL counts as false.
    /// - Precondition: `mask` is a boolean column.
    /// - Complexity: O(mask.count).
    public static func indices(of mask: Column) -> [Int32] {
        let n = mask.count
        guard n > 0, let values = mask.values else { return [] }
        let words = (n + 63) >> 6
        return [Int32](unsafeUninitializedCapacity: n + 64) { out, count in
            var written = 0
            let base = out.baseAddress!
            for w in 0..<words {
                var bits = loadWord(values, bitOffset: mask.offset + (w << 6))
                if let validity = mask.validity, mask.nullCount > 0 {
                    bits &= loadWord(validity, bitOffset: mask.offset + (w << 6))
                }
                let remaining = n - (w << 6)
                if remaining < 64 { bits &= (UInt64(1) << UInt64(remaining)) &- 1 }
                if bits == 0 { continue }
                let start = Int32(truncatingIfNeeded: w << 6)
                if bits == ~UInt64(0) {
                    for j in 0..<64 { base[written + j] = start &+ Int32(j) }
                    written += 64
                    continue
                }
                // Branch-free: always write, advance by the bit.
                for j in 0..<64 {
                    base[written] = start &+ Int32(j)
                    written &+= Int((bits >> UInt64(j)) & 1)
                }
            }
            count = written
        }
    }

    /// The rows true in both masks (NULL counts as false), as a boolean column without NULLs.
    /// - Precondition: both are boolean columns of the same length.
    public static func and(_ a: Column, _ b: Column) -> Column {
        let n = a.count
        let words = (n + 63) >> 6
        var out = MutableBuffer(zeroed: max(words * 8, 8))
        let dst = out.typed(UInt64.self)
        for w in 0..<words { dst[w] = trueBits(a, w) & trueBits(b, w) }
        if n & 63 != 0 { dst[words - 1] &= (UInt64(1) << UInt64(n & 63)) &- 1 }
        out.count = max(words * 8, 8)
        return Column(type: .boolean, count: n, nullCount: 0, values: out.finish())
    }

    /// Word `w` of a mask's valid-and-true bits.
    @inline(__always)
    private static func trueBits(_ mask: Column, _ w: Int) -> UInt64 {
        guard let values = mask.values else { return 0 }
        var bits = loadWord(values, bitOffset: mask.offset + (w << 6))
        if mask.nullCount > 0, let validity = mask.validity { bits &= loadWord(validity, bitOffset: mask.offset + (w << 6)) }
        return bits
    }

    /// Number of rows where `mask` is true (valid and set).
    public static func countTrue(_ mask: Column) -> Int {
        guard mask.count > 0, let values = mask.values else { return 0 }
        if mask.nullCount == 0 {
            return Bitmap.countSet(values.pointer, start: mask.offset, length: mask.count)
        }
        var total = 0
        let words = (mask.count + 63) >> 6
        for w in 0..<words {
            var bits = loadWord(values, bitOffset: mask.offset + (w << 6))
            bits &= loadWord(mask.validity!, bitOffset: mask.offset + (w << 6))
            let remaining = mask.count - (w << 6)
            if remaining < 64 { bits &= (UInt64(1) << UInt64(remaining)) &- 1 }
            total += bits.nonzeroBitCount
        }
        return total
    }

    /// 64 bits of a bitmap starting at `bitOffset`; bits past the buffer's end read as zero.
    @inline(__always)
    static func loadWord(_ buffer: Buffer, bitOffset: Int) -> UInt64 {
        let bytes = buffer.pointer
        let byte = bitOffset >> 3
        let shift = UInt64(bitOffset & 7)
        if byte + 9 <= buffer.count {
            let word = bytes.loadUnaligned(fromByteOffset: byte, as: UInt64.self)
            if shift == 0 { return word }
            let next = UInt64(bytes.load(fromByteOffset: byte + 8, as: UInt8.self))
            return (word >> shift) | (next << (64 - shift))
        }
        var word: UInt64 = 0
        for k in 0..<9 where byte + k < buffer.count {
            let b = UInt64(bytes.load(fromByteOffset: byte + k, as: UInt8.self))
            let position = Int64(k * 8) - Int64(shift)
            if position >= 64 { break }
            word |= position >= 0 ? b << UInt64(position) : b >> UInt64(-position)
        }
        return word
    }
}
