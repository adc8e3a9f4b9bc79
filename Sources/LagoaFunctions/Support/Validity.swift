package import LagoaColumnar

/// Word-wise helpers for validity bitmaps and bit-packed booleans: kernels normalise a column's
/// bits to offset 0 and 64-bit words, then combine them a word at a time.
package enum Validity {
    /// Number of 64-bit words for `count` bits.
    @inline(__always)
    package static func wordCount(_ count: Int) -> Int { (count + 63) >> 6 }

    /// The bits `[offset, offset + count)` of `bits` copied to a fresh word-padded buffer starting at
    /// bit 0; returns `bits` itself when it already starts at 0 and is word-padded.
    package static func normalized(_ bits: Buffer, offset: Int, count: Int) -> Buffer {
        let words = wordCount(count)
        if offset == 0 && bits.count >= words * 8 { return bits }
        let out = MutableBuffer(zeroed: max(words * 8, 8))
        let dst = out.typed(UInt64.self)
        if offset & 7 == 0 {
            let bytes = min(Bitmap.byteCount(count), bits.count - (offset >> 3))
            out.pointer.copyMemory(from: bits.pointer + (offset >> 3), byteCount: max(0, bytes))
        } else {
            for i in 0..<count where Bitmap.get(bits.pointer, offset + i) {
                dst[i >> 6] |= UInt64(1) << UInt64(i & 63)
            }
        }
        clearTail(dst, count: count)
        return out.finish()
    }

    /// Clears the bits past `count` in the last word.
    @inline(__always)
    package static func clearTail(_ words: UnsafeMutablePointer<UInt64>, count: Int) {
        if count & 63 != 0 {
            words[count >> 6] &= (UInt64(1) << UInt64(count & 63)) &- 1
        }
    }

    /// The validity of `column` normalised to offset 0, or `nil` when it has no nulls.
    package static func of(_ column: Column) -> Buffer? {
        guard column.nullCount > 0, let validity = column.validity else { return nil }
        return normalized(validity, offset: column.offset, count: column.count)
    }

    /// The values of a boolean column normalised to offset 0 (word-padded).
    package static func boolValues(_ column: Column) -> Buffer {
        guard let values = column.values else { return allSet(column.count, value: false) }
        return normalized(values, offset: column.offset, count: column.count)
    }

    /// A word-padded bitmap of `count` bits, all `value`.
    package static func allSet(_ count: Int, value: Bool) -> Buffer {
        let words = wordCount(count)
        let out = MutableBuffer(zeroed: max(words * 8, 8))
        if value {
            let dst = out.typed(UInt64.self)
            for w in 0..<words { dst[w] = ~0 }
            clearTail(dst, count: count)
        }
        return out.finish()
    }

    /// The AND of two optional validity bitmaps (offset 0, word-padded); `nil` means all valid.
    package static func and(_ a: Buffer?, _ b: Buffer?, count: Int) -> Buffer? {
        guard let a else { return b }
        guard let b else { return a }
        let words = wordCount(count)
        let out = MutableBuffer(zeroed: max(words * 8, 8))
        let dst = out.typed(UInt64.self)
        let pa = a.pointer.assumingMemoryBound(to: UInt64.self)
        let pb = b.pointer.assumingMemoryBound(to: UInt64.self)
        for w in 0..<words { dst[w] = pa[w] & pb[w] }
        return out.finish()
    }

    /// Number of set bits among the first `count` of a normalised bitmap.
    package static func countSet(_ bits: Buffer, count: Int) -> Int {
        Bitmap.countSet(bits.pointer, start: 0, length: count)
    }

    /// Whether bit `i` of a normalised bitmap is set.
    @inline(__always)
    package static func get(_ bits: Buffer?, _ i: Int) -> Bool {
        guard let bits else { return true }
        return Bitmap.get(bits.pointer, i)
    }
}
