extension BitPacking {
    /// The number of bytes that `count` values of `bitWidth` bits occupy when packed.
    /// - Complexity: O(1).
    @inline(__always)
    package static func packedByteCount(count: Int, bitWidth: Int) -> Int {
        (count * bitWidth + 7) >> 3
    }

    /// Packs `count` values of `bitWidth` bits, least-significant bit first, the inverse of
    /// ``unpack(_:available:startIndex:count:bitWidth:into:)``.
    ///
    /// Only the low `bitWidth` bits of each value are kept. The last byte is padded with zero bits.
    /// - Parameters:
    ///   - values: the values to pack.
    ///   - count: how many.
    ///   - bitWidth: 0...64.
    ///   - out: room for ``packedByteCount(count:bitWidth:)`` bytes, all of which are written.
    /// - Returns: the number of bytes written.
    /// - Complexity: O(count).
    @discardableResult
    package static func pack<T: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafePointer<T>,
        count: Int,
        bitWidth: Int,
        into out: UnsafeMutableRawPointer
    ) -> Int {
        precondition(bitWidth >= 0 && bitWidth <= 64, "bit width \(bitWidth) is outside 0...64")
        let byteCount = packedByteCount(count: count, bitWidth: bitWidth)
        guard bitWidth > 0 else { return 0 }
        let mask = UInt64.max &>> UInt64(64 - bitWidth)
        var accumulator: UInt64 = 0
        var bits = 0
        var offset = 0
        for i in 0..<count {
            let value = UInt64(truncatingIfNeeded: values[i]) & mask
            accumulator |= value &<< UInt64(bits)
            bits += bitWidth
            if bits >= 64 {
                out.storeBytes(of: accumulator.littleEndian, toByteOffset: offset, as: UInt64.self)
                offset += 8
                bits -= 64
                // The bits of `value` that did not fit; `>>` yields 0 when nothing is left over.
                accumulator = value >> UInt64(bitWidth - bits)
            }
        }
        while offset < byteCount {
            out.storeBytes(of: UInt8(truncatingIfNeeded: accumulator), toByteOffset: offset, as: UInt8.self)
            accumulator >>= 8
            offset += 1
        }
        return byteCount
    }
}
