extension PlainDecoder {
    /// Decodes `count` PLAIN booleans (one bit each, LSB first) into one byte per value, 0 or 1.
    /// - Parameters:
    ///   - input: the encoded page values.
    ///   - firstValue: the index of the first boolean wanted (for pages decoded in several calls).
    ///   - count: how many values.
    ///   - out: room for `count` bytes.
    /// - Returns: the number of input bytes that hold values up to the last one decoded,
    ///   `ceil((firstValue + count) / 8)`.
    /// - Throws: ``ParquetError`` when `input` is too short.
    /// - Complexity: O(count).
    @discardableResult
    package static func decodeBooleans(
        _ input: UnsafeRawBufferPointer,
        firstValue: Int = 0,
        count: Int,
        into out: UnsafeMutablePointer<UInt8>
    ) throws(ParquetError) -> Int {
        let byteCount = try checkBooleans(input, firstValue: firstValue, count: count)
        guard count > 0, let source = input.baseAddress else { return byteCount }
        BitPacking.unpack(source, available: input.count, startIndex: firstValue, count: count, bitWidth: 1, into: out)
        return byteCount
    }

    /// Decodes `count` PLAIN booleans into a bitmap (LSB first, as Arrow stores booleans), starting
    /// at bit `bitOffset` of `bitmap`; bits outside the range are left unchanged.
    /// - Parameters:
    ///   - input: the encoded page values.
    ///   - firstValue: the index of the first boolean wanted.
    ///   - count: how many values.
    ///   - bitmap: room for `bitOffset + count` bits.
    ///   - bitOffset: the first bit to write.
    /// - Returns: `ceil((firstValue + count) / 8)`, as for ``decodeBooleans(_:firstValue:count:into:)``.
    /// - Throws: ``ParquetError`` when `input` is too short.
    /// - Complexity: O(count / 8) when both offsets are multiples of 8, else O(count).
    @discardableResult
    package static func decodeBooleans(
        _ input: UnsafeRawBufferPointer,
        firstValue: Int = 0,
        count: Int,
        intoBitmap bitmap: UnsafeMutableRawPointer,
        at bitOffset: Int
    ) throws(ParquetError) -> Int {
        let byteCount = try checkBooleans(input, firstValue: firstValue, count: count)
        guard count > 0, let source = input.baseAddress else { return byteCount }
        var done = 0
        if firstValue & 7 == 0 && bitOffset & 7 == 0 {
            let whole = count >> 3
            (bitmap + (bitOffset >> 3)).copyMemory(from: source + (firstValue >> 3), byteCount: whole)
            done = whole << 3
        }
        while done < count {
            let bit = firstValue + done
            let isSet = (source.load(fromByteOffset: bit >> 3, as: UInt8.self) >> UInt8(bit & 7)) & 1
            let target = bitOffset + done
            let byte = bitmap.load(fromByteOffset: target >> 3, as: UInt8.self)
            let mask = UInt8(1) << UInt8(target & 7)
            bitmap.storeBytes(of: isSet == 1 ? byte | mask : byte & ~mask, toByteOffset: target >> 3, as: UInt8.self)
            done += 1
        }
        return byteCount
    }

    /// Checks that `input` holds booleans `firstValue..<firstValue + count`; returns the bytes they span.
    private static func checkBooleans(
        _ input: UnsafeRawBufferPointer,
        firstValue: Int,
        count: Int
    ) throws(ParquetError) -> Int {
        guard firstValue >= 0 && count >= 0 && count <= input.count * 8 - firstValue else {
            throw ParquetError.corrupt(
                "PLAIN BOOLEAN data has \(input.count) bytes, too few for values \(firstValue) to \(firstValue + count - 1)"
            )
        }
        return (firstValue + count + 7) >> 3
    }
}
