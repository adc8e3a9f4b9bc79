/// Decodes DELTA_BINARY_PACKED (Encoding 5) INT32 or INT64 values.
///
/// The header is `<block size> <miniblocks per block> <total value count> <first value>` (ULEB128,
/// the first value zigzag); each block is `<min delta (zigzag)> <one bit-width byte per miniblock>
/// <miniblocks>`. Values are rebuilt as `previous &+ minDelta &+ packedDelta`, wrapping as the
/// specification requires, in the unsigned domain.
///
/// The decoder rejects block sizes that are not positive multiples of 128 (or exceed
/// ``maxBlockSize``), miniblock sizes that are not multiples of 32, bit widths wider than `T`, and
/// data that ends before the values asked for. Miniblocks are unpacked straight into the caller's
/// buffer, so decoding never allocates. After every value is decoded, ``bytesConsumed`` is where
/// the encoding ends (DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY data follow it).
///
/// The decoder borrows its buffer: it must not outlive the pointer it was given.
package struct DeltaBinaryPackedDecoder<T: FixedWidthInteger & SignedInteger> {
    /// The largest block size accepted; writers use 128 (parquet-mr, Arrow) up to a few thousand.
    package static var maxBlockSize: Int { 1 << 20 }

    /// The encoded bytes.
    private let bytes: UnsafeRawBufferPointer
    /// Offset of the next unread byte (a block header, or past the current miniblock).
    private var position: Int
    /// Values per miniblock.
    private let miniblockSize: Int
    /// Miniblocks per block.
    private let miniblocksPerBlock: Int
    /// The total number of values the header announces.
    package let totalCount: Int
    /// Values not yet decoded.
    package private(set) var remaining: Int

    /// The last value decoded, in the unsigned domain.
    private var last: T.Magnitude
    /// Whether the first value (stored in the header) is still to be returned.
    private var firstPending: Bool
    /// The current block's minimum delta.
    private var minDelta: T.Magnitude = 0
    /// Offset of the current block's bit-width bytes.
    private var widthsAt = 0
    /// Index of the current miniblock within its block; `miniblocksPerBlock` when a block is done.
    private var miniblock: Int
    /// Byte offset of the current miniblock's packed data.
    private var miniblockStart = 0
    /// Bit width of the current miniblock.
    private var miniblockWidth = 0
    /// Index of the next value within the current miniblock.
    private var miniblockIndex = 0
    /// Values of the current miniblock not yet decoded.
    private var miniblockLeft = 0

    /// Reads the header.
    /// - Parameter data: the encoded values; must stay valid while the decoder is used.
    /// - Throws: ``ParquetError`` for a malformed or truncated header.
    /// - Complexity: O(1).
    package init(_ data: UnsafeRawBufferPointer) throws(ParquetError) {
        var cursor = ByteCursor(data)
        let blockSize = try cursor.readULEB128("DELTA_BINARY_PACKED block size")
        let miniblocks = try cursor.readULEB128("DELTA_BINARY_PACKED miniblock count")
        let total = try cursor.readULEB128("DELTA_BINARY_PACKED value count")
        let first = try cursor.readZigZag("DELTA_BINARY_PACKED first value")
        guard blockSize > 0 && blockSize % 128 == 0 && blockSize <= UInt64(Self.maxBlockSize) else {
            throw ParquetError.corrupt(
                "DELTA_BINARY_PACKED block size \(blockSize) is not a positive multiple of 128 "
                    + "up to \(Self.maxBlockSize)"
            )
        }
        guard miniblocks > 0 && blockSize % miniblocks == 0 && (blockSize / miniblocks) % 32 == 0 else {
            throw ParquetError.corrupt(
                "DELTA_BINARY_PACKED miniblock count \(miniblocks) does not divide the block size \(blockSize) "
                    + "into multiples of 32 values"
            )
        }
        guard total <= UInt64(Int32.max) else {
            throw ParquetError.corrupt("DELTA_BINARY_PACKED value count \(total) is larger than \(Int32.max)")
        }
        self.bytes = data
        self.position = cursor.position
        self.miniblocksPerBlock = Int(miniblocks)
        self.miniblockSize = Int(blockSize / miniblocks)
        self.totalCount = Int(total)
        self.remaining = Int(total)
        self.last = T.Magnitude(truncatingIfNeeded: first)
        self.firstPending = total > 0
        self.miniblock = Int(miniblocks)
    }

    /// Where the encoding ends, once every value has been decoded: the end of the last miniblock
    /// that holds values, including its padding (cut short if the data ends first).
    /// - Precondition: ``remaining`` is 0.
    package var bytesConsumed: Int {
        precondition(remaining == 0, "the end of DELTA_BINARY_PACKED data is known only after every value is decoded")
        return position
    }

    /// Decodes exactly `count` values into `out`.
    /// - Parameters:
    ///   - out: room for `count` values.
    ///   - count: at most ``remaining``.
    /// - Throws: ``ParquetError`` for malformed blocks or data that ends early.
    /// - Complexity: O(count) plus O(miniblocks per block) per block.
    package mutating func decode(into out: UnsafeMutablePointer<T>, count: Int) throws(ParquetError) {
        guard count >= 0 && count <= remaining else {
            throw ParquetError.corrupt(
                "asked for \(count) values but the DELTA_BINARY_PACKED data holds only \(remaining) more"
            )
        }
        guard count > 0 else { return }
        try out.withMemoryRebound(to: T.Magnitude.self, capacity: count) { (raw) throws(ParquetError) in
            var done = 0
            if firstPending {
                raw[0] = last
                firstPending = false
                remaining -= 1
                done = 1
            }
            while done < count {
                if miniblockLeft == 0 { try startMiniblock() }
                let n = min(miniblockLeft, count - done)
                decodeDeltas(into: raw + done, count: n)
                miniblockIndex += n
                miniblockLeft -= n
                remaining -= n
                done += n
            }
        }
    }

    /// Unpacks `count` deltas of the current miniblock and turns them into values.
    @inline(__always)
    private mutating func decodeDeltas(into out: UnsafeMutablePointer<T.Magnitude>, count: Int) {
        var value = last
        let step = minDelta
        if miniblockWidth == 0 {
            for i in 0..<count {
                value = value &+ step
                out[i] = value
            }
        } else if miniblockWidth > T.Magnitude.bitWidth {
            // DuckDB writes INT32 deltas in up to 33 bits (it subtracts in 64 bits). The value is the
            // same modulo 2^32, so unpack wide and keep the low bits.
            var wide = [UInt64](repeating: 0, count: count)
            wide.withUnsafeMutableBufferPointer { w in
                BitPacking.unpack(
                    bytes.baseAddress! + miniblockStart,
                    available: bytes.count - miniblockStart,
                    startIndex: miniblockIndex,
                    count: count,
                    bitWidth: miniblockWidth,
                    into: w.baseAddress!
                )
            }
            for i in 0..<count {
                value = value &+ step &+ T.Magnitude(truncatingIfNeeded: wide[i])
                out[i] = value
            }
        } else {
            BitPacking.unpack(
                bytes.baseAddress! + miniblockStart,
                available: bytes.count - miniblockStart,
                startIndex: miniblockIndex,
                count: count,
                bitWidth: miniblockWidth,
                into: out
            )
            for i in 0..<count {
                value = value &+ step &+ out[i]
                out[i] = value
            }
        }
        last = value
    }

    /// Moves to the next miniblock, reading a block header first when the block is done.
    private mutating func startMiniblock() throws(ParquetError) {
        if miniblock == miniblocksPerBlock {
            var cursor = ByteCursor(bytes, position: position)
            let delta = try cursor.readZigZag("DELTA_BINARY_PACKED min delta")
            guard cursor.remaining >= miniblocksPerBlock else {
                throw ParquetError.corrupt(
                    "DELTA_BINARY_PACKED bit widths of \(miniblocksPerBlock) miniblocks at byte \(cursor.position) "
                        + "run past the end of the data (\(bytes.count) bytes)"
                )
            }
            minDelta = T.Magnitude(truncatingIfNeeded: delta)
            widthsAt = cursor.position
            position = cursor.position + miniblocksPerBlock
            miniblock = 0
        }
        let width = Int(bytes.load(fromByteOffset: widthsAt + miniblock, as: UInt8.self))
        guard width <= 64 else {
            throw ParquetError.corrupt(
                "DELTA_BINARY_PACKED miniblock bit width \(width) is larger than 64"
            )
        }
        let wanted = min(miniblockSize, remaining)
        let available = bytes.count - position
        guard wanted * width <= available * 8 else {
            throw ParquetError.corrupt(
                "DELTA_BINARY_PACKED miniblock at byte \(position) needs \((wanted * width + 7) / 8) bytes "
                    + "for \(wanted) values of \(width) bits but only \(available) remain"
            )
        }
        miniblockStart = position
        miniblockWidth = width
        miniblockIndex = 0
        miniblockLeft = wanted
        // A full miniblock always takes miniblockSize * width bits, padding included.
        position += min(miniblockSize * width / 8, available)
        miniblock += 1
    }
}
