extension RLEHybridDecoder {
    /// Creates a decoder for the dictionary indices of an RLE_DICTIONARY (or PLAIN_DICTIONARY) data
    /// page: one byte holding the bit width (at most 32), then hybrid runs without a length prefix.
    /// - Parameters:
    ///   - data: the page's value bytes, starting at the bit-width byte.
    ///   - valueCount: the number of indices (non-null values) in the page.
    /// - Throws: ``ParquetError`` when the bit-width byte is missing or larger than 32.
    /// - Complexity: O(1).
    package static func dictionaryIndices(
        _ data: UnsafeRawBufferPointer,
        valueCount: Int
    ) throws(ParquetError) -> RLEHybridDecoder {
        guard let base = data.baseAddress, data.count > 0 else {
            if valueCount == 0 { return try RLEHybridDecoder(data, bitWidth: 0, valueCount: 0) }
            throw ParquetError.corrupt("dictionary-encoded data is empty but should hold \(valueCount) indices")
        }
        let width = Int(data.load(as: UInt8.self))
        guard width <= maxBitWidth else {
            throw ParquetError.corrupt("dictionary index bit width \(width) is larger than \(maxBitWidth)")
        }
        return try RLEHybridDecoder(
            UnsafeRawBufferPointer(start: base + 1, count: data.count - 1),
            bitWidth: width,
            valueCount: valueCount
        )
    }

    /// Splits off the 4-byte little-endian length prefix that data page v1 levels and RLE booleans
    /// carry, returning the hybrid runs it covers.
    /// - Parameter data: bytes starting at the length prefix.
    /// - Returns: the runs, and the bytes consumed (4 plus the length).
    /// - Throws: ``ParquetError`` when the prefix is missing or the length runs past the end.
    /// - Complexity: O(1).
    package static func lengthPrefixed(
        _ data: UnsafeRawBufferPointer
    ) throws(ParquetError) -> (runs: UnsafeRawBufferPointer, bytesConsumed: Int) {
        var cursor = ByteCursor(data)
        let length = Int(try cursor.readUInt32("RLE/bit-packed hybrid length prefix"))
        guard length <= cursor.remaining else {
            throw ParquetError.corrupt(
                "RLE/bit-packed hybrid length \(length) at byte 0 runs past the end of the data (\(data.count) bytes)"
            )
        }
        return (UnsafeRawBufferPointer(rebasing: data[4..<(4 + length)]), 4 + length)
    }

    /// Decodes exactly `count` dictionary indices, checking that each is below `dictionaryCount`.
    ///
    /// The check is one comparison per RLE run and a branch-free maximum per unpacked batch.
    /// - Parameters:
    ///   - out: room for `count` indices.
    ///   - count: at most ``remaining``.
    ///   - dictionaryCount: the number of entries in the column chunk's dictionary.
    /// - Throws: ``ParquetError`` for malformed runs, or
    ///   `dictionary index 57 is out of range (dictionary has 10 entries)`.
    /// - Complexity: O(count).
    package mutating func decodeDictionaryIndices(
        into out: UnsafeMutablePointer<UInt32>,
        count: Int,
        dictionaryCount: Int
    ) throws(ParquetError) {
        try decode(into: out, count: count, check: .dictionary(count: dictionaryCount))
    }

    /// Decodes exactly `count` definition or repetition levels, checking each is at most `maxLevel`.
    /// - Parameters:
    ///   - out: room for `count` levels.
    ///   - count: at most ``remaining``.
    ///   - maxLevel: the column's maximum definition or repetition level.
    /// - Throws: ``ParquetError`` for malformed runs, or `level 3 is larger than the maximum level 2`.
    /// - Complexity: O(count).
    package mutating func decodeLevels(
        into out: UnsafeMutablePointer<UInt16>,
        count: Int,
        maxLevel: Int
    ) throws(ParquetError) {
        try decode(into: out, count: count, check: .level(max: maxLevel))
    }
}
