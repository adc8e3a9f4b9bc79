/// Copying for the short values of byte-array decoders, where a `memmove` call per value costs more
/// than the copy itself.
enum ByteCopy {
    /// The longest value copied in 16-byte chunks; longer ones use `memmove`.
    static let chunkedLimit = 128

    /// Bytes past the end of a value that must be readable and writable for a chunked copy.
    static let slack = 32

    /// Copies `count` bytes from `source` to `target`.
    ///
    /// When `hasSlack` is true and `count` is at most ``chunkedLimit``, the copy moves whole 16-byte
    /// chunks, at least two, so it may read and write up to ``slack`` bytes past `count`: the caller
    /// guarantees those bytes are readable and writable and that the extra bytes written are
    /// overwritten later or unused. Short values (most strings) thus copy without a branch on their
    /// length. Chunks go forward, so `target` may lie after an overlapping `source` as long as the
    /// bytes needed are not overwritten first (the DELTA_BYTE_ARRAY prefix case: `target` is at or
    /// past the end of the bytes needed).
    /// - Complexity: O(count).
    @inline(__always)
    static func copy(to target: UnsafeMutableRawPointer, from source: UnsafeRawPointer, count: Int, hasSlack: Bool) {
        if hasSlack && count <= chunkedLimit {
            let first = source.loadUnaligned(as: SIMD16<UInt8>.self)
            let second = source.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self)
            target.storeBytes(of: first, as: SIMD16<UInt8>.self)
            target.storeBytes(of: second, toByteOffset: 16, as: SIMD16<UInt8>.self)
            var offset = 32
            while offset < count {
                let chunk = source.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
                target.storeBytes(of: chunk, toByteOffset: offset, as: SIMD16<UInt8>.self)
                offset += 16
            }
        } else if count > 0 {
            target.copyMemory(from: source, byteCount: count)
        }
    }
}
