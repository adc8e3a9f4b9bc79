/// Decodes the RLE/bit-packing hybrid encoding (Encoding 3) used for definition and repetition
/// levels, dictionary indices and RLE-encoded booleans.
///
/// The data is a sequence of runs, each a ULEB128 header whose low bit tells the kind: an RLE run
/// (`count << 1`, then the value in `ceil(bitWidth / 8)` little-endian bytes) or a bit-packed run
/// (`groups << 1 | 1`, then `groups * bitWidth` bytes holding `8 * groups` values, packed LSB first).
///
/// The decoder is told how many values the data holds and may be asked for them in several calls.
/// It rejects runs that overrun the values still expected (a bit-packed run may pad its last group
/// of 8), RLE values wider than the bit width, and data that ends early; it never reads outside
/// the buffer and never allocates. Validation of the decoded values (dictionary indices, level
/// bounds) and the length-prefixed forms are in `RLEHybridDecoder+Validation.swift`.
///
/// The decoder borrows its buffer: it must not outlive the pointer it was given.
package struct RLEHybridDecoder {
    /// The largest bit width the hybrid encoding allows (dictionary indices are at most 32 bits).
    package static let maxBitWidth = 32

    /// The encoded runs.
    private let bytes: UnsafeRawBufferPointer
    /// Offset of the next run header: after decoding everything, the number of bytes consumed.
    package private(set) var position: Int
    /// The bit width of each value.
    package let bitWidth: Int
    /// Values not yet decoded, of those the caller said the data holds.
    package private(set) var remaining: Int

    /// Bytes per RLE run value: `ceil(bitWidth / 8)`.
    private let valueByteWidth: Int
    /// Values left in the current RLE run.
    private var repeatLeft = 0
    /// The value of the current RLE run.
    private var repeatValue: UInt64 = 0
    /// Values left in the current bit-packed run (without padding past the values expected).
    private var packedLeft = 0
    /// Byte offset of the current bit-packed run's first value.
    private var packedStart = 0
    /// Index within the current bit-packed run of the next value.
    private var packedIndex = 0

    /// Creates a decoder over hybrid-encoded runs without a length prefix.
    /// - Parameters:
    ///   - data: the runs; must stay valid while the decoder is used.
    ///   - bitWidth: the width of each value, 0...32.
    ///   - valueCount: how many values the data holds.
    /// - Throws: ``ParquetError`` when the bit width or the count is out of range.
    package init(_ data: UnsafeRawBufferPointer, bitWidth: Int, valueCount: Int) throws(ParquetError) {
        guard bitWidth >= 0 && bitWidth <= Self.maxBitWidth else {
            throw ParquetError.corrupt("RLE/bit-packed hybrid bit width \(bitWidth) is larger than \(Self.maxBitWidth)")
        }
        guard valueCount >= 0 else {
            throw ParquetError.corrupt("RLE/bit-packed hybrid value count \(valueCount) is negative")
        }
        self.bytes = data
        self.position = 0
        self.bitWidth = bitWidth
        self.remaining = valueCount
        self.valueByteWidth = (bitWidth + 7) >> 3
    }

    /// Decodes exactly `count` values into `out`.
    /// - Parameters:
    ///   - out: room for `count` values.
    ///   - count: at most ``remaining``.
    /// - Throws: ``ParquetError`` for malformed runs or data that ends before `count` values.
    /// - Complexity: O(count) plus O(1) per run header.
    package mutating func decode<T: FixedWidthInteger & UnsignedInteger>(
        into out: UnsafeMutablePointer<T>,
        count: Int
    ) throws(ParquetError) {
        try decode(into: out, count: count, check: .unchecked)
    }

    /// What to verify about each decoded value.
    enum ValueCheck: Equatable {
        /// Nothing.
        case unchecked
        /// Every value is a valid index into a dictionary of this many entries.
        case dictionary(count: Int)
        /// Every value is at most this level.
        case level(max: Int)
    }

    /// The decode loop shared by every entry point.
    mutating func decode<T: FixedWidthInteger & UnsignedInteger>(
        into out: UnsafeMutablePointer<T>,
        count: Int,
        check: ValueCheck
    ) throws(ParquetError) {
        guard bitWidth <= T.bitWidth else {
            throw ParquetError.corrupt("bit width \(bitWidth) is too wide for \(T.bitWidth)-bit values")
        }
        guard count >= 0 && count <= remaining else {
            throw ParquetError.corrupt(
                "asked for \(count) values but the RLE/bit-packed hybrid data holds only \(remaining) more"
            )
        }
        let bound: UInt64
        switch check {
        case .unchecked: bound = .max
        case .dictionary(let entries): bound = UInt64(max(0, entries))
        case .level(let maxLevel): bound = UInt64(max(0, maxLevel)) + 1
        }
        let checking = check != .unchecked
        var done = 0
        while done < count {
            if repeatLeft > 0 {
                let n = min(repeatLeft, count - done)
                if checking && repeatValue >= bound { throw Self.invalidValue(repeatValue, check) }
                (out + done).update(repeating: T(truncatingIfNeeded: repeatValue), count: n)
                repeatLeft -= n
                remaining -= n
                done += n
            } else if packedLeft > 0 {
                let n = min(packedLeft, count - done)
                let target = out + done
                BitPacking.unpack(
                    bytes.baseAddress! + packedStart,
                    available: bytes.count - packedStart,
                    startIndex: packedIndex,
                    count: n,
                    bitWidth: bitWidth,
                    into: target
                )
                if checking {
                    var largest: T = 0
                    for i in 0..<n { largest = Swift.max(largest, target[i]) }
                    if UInt64(largest) >= bound {
                        let first = (0..<n).first { UInt64(target[$0]) >= bound }!
                        throw Self.invalidValue(UInt64(target[first]), check)
                    }
                }
                packedIndex += n
                packedLeft -= n
                remaining -= n
                done += n
            } else {
                try readRunHeader()
            }
        }
    }

    /// Reads the next run header (and an RLE run's value), checking it against the values expected.
    private mutating func readRunHeader() throws(ParquetError) {
        guard position < bytes.count else {
            if bitWidth == 0 {
                // Zero-width values carry no information; accept writers that omit the runs.
                repeatLeft = remaining
                repeatValue = 0
                return
            }
            throw ParquetError.corrupt(
                "RLE/bit-packed hybrid data ends after \(bytes.count) bytes with \(remaining) values still expected"
            )
        }
        let headerAt = position
        var cursor = ByteCursor(bytes, position: position)
        let header = try cursor.readULEB128("RLE/bit-packed hybrid run header")
        position = cursor.position
        if header & 1 == 0 {
            // A run may announce more values than the page still expects; like Arrow C++ and DuckDB,
            // use only the values needed (a run length costs no memory, so this is safe).
            let length = Swift.min(header >> 1, UInt64(remaining))
            guard bytes.count - position >= valueByteWidth else {
                throw ParquetError.corrupt(
                    "RLE run value at byte \(position) runs past the end of the data (\(bytes.count) bytes)"
                )
            }
            var value: UInt64 = 0
            for k in 0..<valueByteWidth {
                value |= UInt64(bytes.load(fromByteOffset: position + k, as: UInt8.self)) << (8 * k)
            }
            guard value >> bitWidth == 0 else {
                throw ParquetError.corrupt(
                    "RLE run value \(value) at byte \(position) does not fit in bit width \(bitWidth)"
                )
            }
            position += valueByteWidth
            repeatLeft = Int(length)
            repeatValue = value
        } else {
            // Writers pad the last bit-packed run past the values expected (DuckDB pads whole runs of
            // groups); only the values needed are decoded. Capping keeps the arithmetic in range.
            let groups = Swift.min(header >> 1, UInt64(Int32.max))
            let runValues = Int(groups) * 8
            let runBytes = Int(groups) * bitWidth
            let available = bytes.count - position
            let wanted = min(runValues, remaining)
            guard wanted * bitWidth <= available * 8 else {
                throw ParquetError.corrupt(
                    "bit-packed run of \(runValues) values at byte \(headerAt) needs \(runBytes) bytes "
                        + "but only \(available) remain"
                )
            }
            packedStart = position
            packedIndex = 0
            packedLeft = wanted
            // Accept a last run cut short after its final needed value.
            position += min(runBytes, available)
        }
    }

    /// The error for a decoded value that fails `check`.
    private static func invalidValue(_ value: UInt64, _ check: ValueCheck) -> ParquetError {
        switch check {
        case .dictionary(let entries):
            return ParquetError.corrupt("dictionary index \(value) is out of range (dictionary has \(entries) entries)")
        case .level(let maxLevel):
            return ParquetError.corrupt("level \(value) is larger than the maximum level \(maxLevel)")
        case .unchecked:
            return ParquetError(.internal, "value check failed without a check; this is a bug, please report it")
        }
    }
}
