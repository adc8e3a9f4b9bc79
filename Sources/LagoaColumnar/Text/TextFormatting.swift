

/// Formatters from typed values to UTF-8 bytes, appended to an output buffer without building
/// intermediate `String`s; the text is identical to ``TemporalFormat``'s.
///
/// Kept identical in `LagoaCSV/Text` and `LagoaJSON/Text` (see ``TextParsing``).
package enum TextFormatting {
    /// Appends the decimal digits of `value`.
    /// - Complexity: O(digits).
    package static func appendInteger<T: BinaryInteger>(_ value: T, to out: inout [UInt8]) {
        if value < 0 { out.append(0x2D) }
        appendDigits(UInt64(value.magnitude), minimumWidth: 1, to: &out)
    }

    /// Appends `value` zero-padded to at least `minimumWidth` digits.
    package static func appendDigits(_ value: UInt64, minimumWidth: Int, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var v = value
            var k = 20
            repeat {
                k -= 1
                digits[k] = 0x30 + UInt8(v % 10)
                v /= 10
            } while v != 0 || 20 - k < minimumWidth
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[k..<20]))
        }
    }

    /// Appends the shortest text that reads back as `value` (finite values only).
    package static func appendShortest(_ value: Double, to out: inout [UInt8]) {
        var text = value.description
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// Appends the shortest text that reads back as `value` (finite values only).
    package static func appendShortest(_ value: Float, to out: inout [UInt8]) {
        var text = value.description
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// Appends `YYYY-MM-DD` (years outside 0…9999 as `±YYYYYY`).
    package static func appendDate(_ days: Int64, to out: inout [UInt8]) {
        let (year, month, day) = TemporalFormat.civil(fromDays: days)
        if year >= 0 && year <= 9999 {
            appendDigits(UInt64(year), minimumWidth: 4, to: &out)
        } else {
            out.append(year < 0 ? 0x2D : 0x2B)
            appendDigits(year.magnitude, minimumWidth: 6, to: &out)
        }
        out.append(0x2D)
        appendTwo(month, to: &out)
        out.append(0x2D)
        appendTwo(day, to: &out)
    }

    @inline(__always)
    private static func appendTwo(_ v: Int, to out: inout [UInt8]) {
        out.append(0x30 + UInt8(v / 10))
        out.append(0x30 + UInt8(v % 10))
    }

    /// Appends `HH:MM:SS[.fraction]` for a time of day in `unit`, trailing fraction zeros removed.
    package static func appendTime(_ value: Int64, _ unit: TimeUnit, to out: inout [UInt8]) {
        let perSecond = unit.perSecond
        let seconds = floorDiv(value, perSecond)
        let fraction = value - seconds * perSecond
        appendDigits(UInt64(clamping: seconds / 3600), minimumWidth: 2, to: &out)
        out.append(0x3A)
        appendTwo(Int((seconds / 60) % 60), to: &out)
        out.append(0x3A)
        appendTwo(Int(seconds % 60), to: &out)
        guard fraction != 0 else { return }
        var width = unit == .millisecond ? 3 : unit == .microsecond ? 6 : 9
        var trimmed = fraction
        while trimmed % 10 == 0 {
            trimmed /= 10
            width -= 1
        }
        out.append(0x2E)
        appendDigits(UInt64(trimmed), minimumWidth: width, to: &out)
    }

    /// Appends `YYYY-MM-DD<separator>HH:MM:SS[.fraction][Z]`.
    package static func appendTimestamp(_ value: Int64, _ unit: TimeUnit, utc: Bool, separator: UInt8 = 0x54, to out: inout [UInt8]) {
        let perDay = 86_400 * unit.perSecond
        let days = floorDiv(value, perDay)
        // `days * perDay` can leave Int64 in the first partial day; the remainder is exact anyway.
        let rest = value &- days &* perDay
        appendDate(days, to: &out)
        out.append(separator)
        appendTime(rest, unit, to: &out)
        if utc { out.append(0x5A) }
    }

    /// Appends the exact decimal text of `unscaled / 10^scale`, e.g. `-12.50`.
    package static func appendDecimal(_ unscaled: Int128, scale: Int, to out: inout [UInt8]) {
        if unscaled < 0 { out.append(0x2D) }
        var magnitude = unscaled.magnitude
        var digits: [UInt8] = []
        repeat {
            digits.append(0x30 + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude != 0
        if scale > 0 {
            while digits.count <= scale { digits.append(0x30) }
            for k in stride(from: digits.count - 1, through: 0, by: -1) {
                if k == scale - 1 { out.append(0x2E) }
                out.append(digits[k])
            }
        } else {
            out.append(contentsOf: digits.reversed())
            for _ in 0..<(-scale) { out.append(0x30) }
        }
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
