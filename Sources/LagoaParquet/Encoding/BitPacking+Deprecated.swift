extension BitPacking {
    /// Decodes levels stored with the deprecated BIT_PACKED encoding (Encoding 4), which packs
    /// values back to back from the most-significant bit of each byte, unlike the hybrid encoding.
    ///
    /// Data page v1 may use it for definition and repetition levels; there is no length prefix, the
    /// levels take exactly `ceil(count * bitWidth / 8)` bytes.
    /// - Parameters:
    ///   - data: the bytes, starting at the first level.
    ///   - count: the number of levels to decode.
    ///   - bitWidth: 0...16, from the maximum level.
    ///   - out: room for `count` levels.
    /// - Returns: the number of bytes consumed.
    /// - Throws: ``ParquetError`` when the bit width is too large or the data is too short.
    /// - Complexity: O(count).
    package static func decodeMSBFirst(
        _ data: UnsafeRawBufferPointer,
        count: Int,
        bitWidth: Int,
        into out: UnsafeMutablePointer<UInt16>
    ) throws(ParquetError) -> Int {
        guard bitWidth >= 0 && bitWidth <= 16 else {
            throw ParquetError.corrupt("BIT_PACKED level bit width \(bitWidth) is larger than 16")
        }
        guard count >= 0 && (bitWidth == 0 || count <= (data.count * 8) / bitWidth) else {
            throw ParquetError.corrupt(
                "BIT_PACKED levels: \(count) values of \(bitWidth) bits do not fit in the \(data.count) bytes of data"
            )
        }
        guard bitWidth > 0 else {
            out.update(repeating: 0, count: count)
            return 0
        }
        let bytes = data.baseAddress!
        let byteCount = packedByteCount(count: count, bitWidth: bitWidth)
        let mask = UInt32.max &>> UInt32(32 - bitWidth)
        for i in 0..<count {
            let bit = i * bitWidth
            let byte = bit >> 3
            // Up to 3 bytes hold the value (shift <= 7, width <= 16); gather them big-endian.
            var window: UInt32 = 0
            for k in 0..<3 {
                window <<= 8
                if byte + k < byteCount { window |= UInt32(bytes.load(fromByteOffset: byte + k, as: UInt8.self)) }
            }
            let shift = 24 - (bit & 7) - bitWidth
            out[i] = UInt16(truncatingIfNeeded: (window &>> UInt32(shift)) & mask)
        }
        return byteCount
    }

    /// Packs levels most-significant bit first, the deprecated BIT_PACKED encoding; the inverse of
    /// ``decodeMSBFirst(_:count:bitWidth:into:)``, kept for tests and for rewriting old files.
    /// - Returns: the packed bytes, `ceil(count * bitWidth / 8)` of them.
    /// - Complexity: O(count).
    package static func packMSBFirst(_ values: UnsafeBufferPointer<UInt16>, bitWidth: Int) -> [UInt8] {
        precondition(bitWidth >= 0 && bitWidth <= 16, "bit width \(bitWidth) is outside 0...16")
        var bytes = [UInt8](repeating: 0, count: packedByteCount(count: values.count, bitWidth: bitWidth))
        for (i, value) in values.enumerated() {
            for b in 0..<bitWidth where value & (1 << (bitWidth - 1 - b)) != 0 {
                let bit = i * bitWidth + b
                bytes[bit >> 3] |= 0x80 >> UInt8(bit & 7)
            }
        }
        return bytes
    }
}
