/// Parsers from UTF-8 bytes to typed values, shared by schema inference and column decoding.
///
/// Every parser is strict: it accepts the whole buffer or returns `nil` (no surrounding
/// whitespace, no trailing garbage). None allocates on its fast path.
///
/// This folder is kept identical in `LagoaCSV/Text` and `LagoaJSON/Text` because the two
/// format targets may not depend on each other; move it to `LagoaColumnar` when a third user appears.
package enum TextParsing {
    package typealias Bytes = UnsafeBufferPointer<UInt8>

    @inline(__always)
    package static func digit(_ byte: UInt8) -> UInt8? {
        let d = byte &- 0x30
        return d < 10 ? d : nil
    }

    /// `true` or `false`, in any letter case.
    package static func parseBool(_ text: Bytes) -> Bool? {
        if text.count == 4, text[0] | 0x20 == 0x74, text[1] | 0x20 == 0x72, text[2] | 0x20 == 0x75, text[3] | 0x20 == 0x65 {
            return true
        }
        if text.count == 5, text[0] | 0x20 == 0x66, text[1] | 0x20 == 0x61, text[2] | 0x20 == 0x6C,
            text[3] | 0x20 == 0x73, text[4] | 0x20 == 0x65
        {
            return false
        }
        return nil
    }

    /// An optionally signed decimal integer within `Int64`.
    /// - Complexity: O(n).
    package static func parseInt64(_ text: Bytes) -> Int64? {
        var i = 0
        var negative = false
        if let first = text.first, first == 0x2D || first == 0x2B {
            negative = first == 0x2D
            i = 1
        }
        guard let magnitude = parseDigits(text, from: i) else { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return Int64(truncatingIfNeeded: 0 &- magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// An unsigned decimal integer (optional `+`) within `UInt64`.
    package static func parseUInt64(_ text: Bytes) -> UInt64? {
        parseDigits(text, from: text.first == 0x2B ? 1 : 0)
    }

    /// One or more decimal digits from `start` to the end, within `UInt64`.
    private static func parseDigits(_ text: Bytes, from start: Int) -> UInt64? {
        let count = text.count - start
        guard count > 0 else { return nil }
        var value: UInt64 = 0
        if count <= 19 {
            for i in start..<text.count {
                guard let d = digit(text[i]) else { return nil }
                value = value &* 10 &+ UInt64(d)
            }
            // 19 digits can exceed UInt64.max only past 18_446_744_073_709_551_615, which has 20.
            return value
        }
        for i in start..<text.count {
            guard let d = digit(text[i]) else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(d))
            guard !o1, !o2 else { return nil }
            value = sum
        }
        return value
    }

    /// A decimal number split into sign, up to 19 significant digits and a power of ten.
    package struct DecimalScan {
        var negative = false
        var mantissa: UInt64 = 0
        var exponent = 0
        /// Digits beyond the 19th were dropped, so `mantissa × 10^exponent` is not exact.
        var truncated = false
        /// `inf`, `infinity` or `nan` (any case) instead of digits.
        var special: Double?
    }

    /// Scans `[+-]digits[.digits][(e|E)[+-]digits]` (either side of the point may be empty, not
    /// both) or `[+-](inf|infinity|nan)`.
    package static func scanDecimal(_ text: Bytes) -> DecimalScan? {
        var scan = DecimalScan()
        var i = 0
        let n = text.count
        if i < n, text[i] == 0x2D || text[i] == 0x2B {
            scan.negative = text[i] == 0x2D
            i += 1
        }
        guard i < n else { return nil }
        if digit(text[i]) == nil && text[i] != 0x2E {
            guard let special = parseSpecial(text, from: i) else { return nil }
            scan.special = scan.negative ? -special : special
            return scan
        }
        var digits = 0
        var sawDigit = false
        while i < n, let d = digit(text[i]) {
            sawDigit = true
            if digits < 19 {
                if d != 0 || digits > 0 {
                    scan.mantissa = scan.mantissa * 10 + UInt64(d)
                    digits += 1
                }
            } else {
                scan.exponent += 1
                scan.truncated = true
            }
            i += 1
        }
        if i < n, text[i] == 0x2E {
            i += 1
            while i < n, let d = digit(text[i]) {
                sawDigit = true
                if digits < 19 {
                    if d != 0 || digits > 0 {
                        scan.mantissa = scan.mantissa * 10 + UInt64(d)
                        digits += 1
                    }
                    scan.exponent -= 1
                } else {
                    scan.truncated = true
                }
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i < n, text[i] | 0x20 == 0x65 {
            i += 1
            var negativeExponent = false
            if i < n, text[i] == 0x2D || text[i] == 0x2B {
                negativeExponent = text[i] == 0x2D
                i += 1
            }
            guard i < n, digit(text[i]) != nil else { return nil }
            var e = 0
            while i < n, let d = digit(text[i]) {
                if e < 100_000 { e = e * 10 + Int(d) }
                i += 1
            }
            scan.exponent += negativeExponent ? -e : e
        }
        return i == n ? scan : nil
    }

    private static func parseSpecial(_ text: Bytes, from start: Int) -> Double? {
        let rest = text.count - start
        func matches(_ word: StaticString) -> Bool {
            guard rest == word.utf8CodeUnitCount else { return false }
            let w = word.utf8Start
            for k in 0..<rest where text[start + k] | 0x20 != w[k] { return false }
            return true
        }
        if matches("inf") || matches("infinity") { return .infinity }
        if matches("nan") { return .nan }
        return nil
    }

    private static let powersOfTen: [Double] = (0...22).map { e in
        var v = 1.0
        for _ in 0..<e { v *= 10 }
        return v
    }

    /// A float64 in decimal or exponent notation, or `inf`/`infinity`/`nan`; correctly rounded.
    ///
    /// Values with at most 15 significant digits and a power of ten within ±22 take Clinger's fast
    /// path (one exact multiplication or division); the rest go through the standard library's
    /// correctly rounded conversion.
    package static func parseFloat64(_ text: Bytes) -> Double? {
        guard let scan = scanDecimal(text) else { return nil }
        if let special = scan.special { return special }
        if scan.mantissa == 0 { return scan.negative ? -0.0 : 0.0 }
        if !scan.truncated, scan.mantissa <= 1 << 53, scan.exponent >= -22, scan.exponent <= 22 {
            var v = Double(scan.mantissa)
            v = scan.exponent < 0 ? v / powersOfTen[-scan.exponent] : v * powersOfTen[scan.exponent]
            return scan.negative ? -v : v
        }
        return Double(String(decoding: text, as: UTF8.self))
    }

    /// A float32, parsed like ``parseFloat64(_:)`` but rounded once, directly to `Float`.
    package static func parseFloat32(_ text: Bytes) -> Float? {
        guard let scan = scanDecimal(text) else { return nil }
        if let special = scan.special { return Float(special) }
        if scan.mantissa == 0 { return scan.negative ? -0.0 : 0.0 }
        if !scan.truncated, scan.mantissa <= 1 << 24, scan.exponent >= -10, scan.exponent <= 10 {
            var v = Float(scan.mantissa)
            v = scan.exponent < 0 ? v / Float(powersOfTen[-scan.exponent]) : v * Float(powersOfTen[scan.exponent])
            return scan.negative ? -v : v
        }
        return Float(String(decoding: text, as: UTF8.self))
    }

    /// An exact decimal as an unscaled integer for `decimal(precision, scale)`; `nil` when the text
    /// is not a number, has more fractional digits than `scale` (other than zeros) or needs more
    /// than `precision` digits.
    package static func parseDecimal(_ text: Bytes, precision: Int, scale: Int) -> Int128? {
        var i = 0
        let n = text.count
        var negative = false
        if i < n, text[i] == 0x2D || text[i] == 0x2B {
            negative = text[i] == 0x2D
            i += 1
        }
        var value: Int128 = 0
        var fractionDigits = 0
        var sawDigit = false
        var inFraction = false
        while i < n {
            let byte = text[i]
            if let d = digit(byte) {
                sawDigit = true
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(Int128(d))
                guard !o1, !o2 else { return nil }
                value = sum
                if inFraction { fractionDigits += 1 }
            } else if byte == 0x2E, !inFraction {
                inFraction = true
            } else {
                break
            }
            i += 1
        }
        guard sawDigit else { return nil }
        var exponent = 0
        if i < n, text[i] | 0x20 == 0x65 {
            let rest = UnsafeBufferPointer(rebasing: text[(i + 1)...])
            guard let e = parseInt64(rest), e.magnitude < 1000 else { return nil }
            exponent = Int(e)
            i = n
        }
        guard i == n else { return nil }
        var shift = scale - fractionDigits + exponent
        while shift > 0 {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = times
            shift -= 1
        }
        while shift < 0 {
            guard value % 10 == 0 else { return nil }
            value /= 10
            shift += 1
        }
        var limit: Int128 = 1
        for _ in 0..<min(precision, 38) { limit *= 10 }
        guard precision >= 39 || value < limit else { return nil }
        return negative ? -value : value
    }

    /// A short quoted preview of `text` for error messages (at most 60 characters).
    package static func preview(_ text: Bytes) -> String {
        let string = String(decoding: text, as: UTF8.self)
        let cut = string.count > 60 ? String(string.prefix(57)) + "..." : string
        return "\"" + cut + "\""
    }
}
