/// A decimal that does not fit its column's precision, found while converting values.
struct DecimalOverflow: Error {
    /// The position of the value among the values being converted.
    let valueIndex: Int
    let value: Int128
}

/// Helpers for decimal128 values stored as FIXED_LEN_BYTE_ARRAY.
enum DecimalBytes {
    /// `10^precision` for precision 0...38, the exclusive bound on unscaled magnitudes.
    static let bounds: [Int128] = {
        var result: [Int128] = [1]
        for _ in 1...38 { result.append(result.last! * 10) }
        return result
    }()

    /// Stores the low `width` bytes of `value` big-endian at `out` with whole-word writes, which
    /// also overwrite up to `16 - width` bytes after them.
    /// - Complexity: O(1).
    @inline(__always)
    static func storeBigEndianSpilling(_ value: Int128, width: Int, to out: UnsafeMutableRawPointer) {
        let bits = UInt128(bitPattern: value)
        if width <= 8 {
            let word = UInt64(truncatingIfNeeded: bits) &<< UInt64(64 - 8 * width)
            out.storeBytes(of: word.bigEndian, as: UInt64.self)
        } else {
            let shifted = bits &<< UInt128(128 - 8 * width)
            out.storeBytes(of: UInt64(truncatingIfNeeded: shifted >> 64).bigEndian, as: UInt64.self)
            out.storeBytes(of: UInt64(truncatingIfNeeded: shifted).bigEndian, toByteOffset: 8, as: UInt64.self)
        }
    }

    /// The unscaled `value` written with `scale` fractional digits, e.g. `-12.50`.
    static func format(_ value: Int128, scale: Int) -> String {
        let negative = value < 0
        var digits = String(value.magnitude)
        guard scale > 0 else { return (negative ? "-" : "") + digits }
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        let split = digits.index(digits.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + digits[..<split] + "." + digits[split...]
    }
}
