/// Bit-level helpers for validity bitmaps (least-significant bit first, as in Arrow and Parquet).
public enum Bitmap {
    /// Whether bit `index` of `bytes` is set.
    @inline(__always)
    public static func get(_ bytes: UnsafeRawPointer, _ index: Int) -> Bool {
        (bytes.load(fromByteOffset: index >> 3, as: UInt8.self) >> UInt8(index & 7)) & 1 == 1
    }

    /// Sets bit `index` of `bytes`.
    @inline(__always)
    public static func set(_ bytes: UnsafeMutableRawPointer, _ index: Int) {
        let p = bytes.assumingMemoryBound(to: UInt8.self) + (index >> 3)
        p.pointee |= UInt8(1) << UInt8(index & 7)
    }

    /// Clears bit `index` of `bytes`.
    @inline(__always)
    public static func clear(_ bytes: UnsafeMutableRawPointer, _ index: Int) {
        let p = bytes.assumingMemoryBound(to: UInt8.self) + (index >> 3)
        p.pointee &= ~(UInt8(1) << UInt8(index & 7))
    }

    /// Number of bytes needed for `bits` bits.
    @inline(__always)
    public static func byteCount(_ bits: Int) -> Int { (bits + 7) >> 3 }

    /// Counts set bits in `[start, start + length)`.
    /// - Complexity: O(length / 64).
    public static func countSet(_ bytes: UnsafeRawPointer, start: Int, length: Int) -> Int {
        var total = 0
        var i = start
        let end = start + length
        while i < end && (i & 7) != 0 {
            if get(bytes, i) { total += 1 }
            i += 1
        }
        while i + 64 <= end {
            total += bytes.loadUnaligned(fromByteOffset: i >> 3, as: UInt64.self).nonzeroBitCount
            i += 64
        }
        while i < end {
            if get(bytes, i) { total += 1 }
            i += 1
        }
        return total
    }
}
