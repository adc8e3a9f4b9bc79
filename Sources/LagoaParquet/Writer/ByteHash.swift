/// A fast 64-bit hash of a byte string (8 bytes per multiply, overlapping loads for the tail).
enum ByteHash {
    @inline(__always)
    private static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let x = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
        return x ^ (x >> 29)
    }

    /// The hash of `length` bytes at `bytes`.
    /// - Complexity: O(length).
    @inline(__always)
    static func hash(_ bytes: UnsafeRawPointer, _ length: Int) -> UInt64 {
        var h = 0x243F_6A88_85A3_08D3 ^ UInt64(truncatingIfNeeded: length)
        var i = 0
        while i + 8 <= length {
            h = mix(h, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        let rest = length - i
        if rest >= 4 {
            let a = UInt64(bytes.loadUnaligned(fromByteOffset: i, as: UInt32.self))
            let b = UInt64(bytes.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self))
            h = mix(h, a << 32 | b)
        } else if rest > 0 {
            let p = bytes.assumingMemoryBound(to: UInt8.self)
            let word = UInt64(p[i]) << 16 | UInt64(p[i + rest / 2]) << 8 | UInt64(p[length - 1])
            h = mix(h, word)
        }
        h ^= h >> 32
        h &*= 0xD6E8_FEB8_6659_FD93
        return h ^ (h >> 32)
    }
}
