import LagoaColumnar
import Testing

@testable import LagoaParquet

/// The parent of every suite for `Sources/LagoaParquet/Encoding`, so `--filter Encoding` runs them all.
@Suite("Encoding")
struct EncodingTests {}

/// A small deterministic generator (SplitMix64) so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension MutableBuffer {
    /// The bytes written so far.
    var bytes: [UInt8] { Array(UnsafeRawBufferPointer(start: pointer, count: count)) }

    /// The Int64 values written so far.
    var int64s: [Int64] { (0..<(count / 8)).map { pointer.loadUnaligned(fromByteOffset: 8 * $0, as: Int64.self) } }
}

/// Values of `bitWidth` bits with a mix of long runs, short runs and noise.
func mixedRuns(count: Int, bitWidth: Int, seed: UInt64) -> [UInt64] {
    var rng = SeededGenerator(seed: seed)
    let mask = bitWidth == 0 ? 0 : UInt64.max >> UInt64(64 - bitWidth)
    var values: [UInt64] = []
    values.reserveCapacity(count)
    while values.count < count {
        let value = rng.next() & mask
        let length: Int
        switch rng.next() % 4 {
        case 0: length = Int(rng.next() % 40) + 8
        case 1: length = Int(rng.next() % 8) + 1
        default: length = 1
        }
        for _ in 0..<min(length, count - values.count) {
            values.append(rng.next() % 3 == 0 && length == 1 ? rng.next() & mask : value)
        }
    }
    return values
}

/// Arrow-style offsets (starting at 0) and concatenated bytes for `strings`.
func arrowLayout(_ strings: [[UInt8]]) -> (offsets: [Int64], bytes: [UInt8]) {
    var offsets: [Int64] = [0]
    var bytes: [UInt8] = []
    for s in strings {
        bytes += s
        offsets.append(Int64(bytes.count))
    }
    return (offsets, bytes)
}

/// Splits Arrow-style offsets and bytes back into values.
func values(offsets: [Int64], bytes: [UInt8]) -> [[UInt8]] {
    (0..<(offsets.count - 1)).map { Array(bytes[Int(offsets[$0])..<Int(offsets[$0 + 1])]) }
}

/// An offsets buffer for byte-array decoders, holding the start offset `start`.
func startedOffsets(_ start: Int64 = 0) -> MutableBuffer {
    var offsets = MutableBuffer()
    offsets.append(start)
    return offsets
}

/// Runs `body` over a copy of `bytes` in its own allocation, so reads past the end are caught by
/// the address sanitizer and never see the array's neighbours.
func withExactBytes<R, E: Error>(_ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
    let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
    defer { copy.deallocate() }
    copy.copyBytes(from: bytes)
    return try body(UnsafeRawBufferPointer(rebasing: copy[0..<bytes.count]))
}

/// The message of the ParquetError `body` throws, or nil when it does not throw.
func parquetErrorMessage(_ body: () throws(ParquetError) -> Void) -> String? {
    do {
        try body()
        return nil
    } catch {
        return error.message
    }
}

/// Packs `values` LSB first with ``BitPacking/pack(_:count:bitWidth:into:)``.
func packLSB<T: FixedWidthInteger & UnsignedInteger>(_ values: [T], bitWidth: Int) -> [UInt8] {
    var out = [UInt8](repeating: 0xEE, count: BitPacking.packedByteCount(count: values.count, bitWidth: bitWidth) + 1)
    let written = out.withUnsafeMutableBytes {
        BitPacking.pack(values, count: values.count, bitWidth: bitWidth, into: $0.baseAddress!)
    }
    out.removeLast()
    precondition(written == out.count)
    return out
}
