

extension TextParsing {
    /// A parsed ISO-8601 date or date-time.
    package struct Timestamp {
        /// Value since the epoch in the requested unit, already shifted to UTC when ``zoned``.
        package var value: Int64
        /// Whether a time of day was present (`false` for a bare `YYYY-MM-DD`).
        package var hasTime: Bool
        /// Whether a `Z` or `±hh:mm` offset was present.
        package var zoned: Bool
    }

    /// `YYYY-MM-DD` (or a signed year of 4 or more digits, as ``TemporalFormat`` writes) as days.
    package static func parseDate(_ text: Bytes) -> Int32? {
        guard let (days, end) = scanDate(text, from: 0), end == text.count else { return nil }
        return Int32(exactly: days)
    }

    /// `HH:MM[:SS[.fraction]]` as a time of day in `unit`; digits finer than `unit` are truncated.
    package static func parseTime(_ text: Bytes, unit: TimeUnit) -> Int64? {
        guard let (nanos, end) = scanTime(text, from: 0), end == text.count else { return nil }
        return nanos / (1_000_000_000 / unit.perSecond)
    }

    /// `YYYY-MM-DD`, optionally followed by `T`, `t` or a space and a time of day, then optionally
    /// `Z` or an offset `±hh[:mm]`; zoned values are converted to UTC.
    package static func parseTimestamp(_ text: Bytes, unit: TimeUnit) -> Timestamp? {
        guard let (days, dateEnd) = scanDate(text, from: 0) else { return nil }
        let perDay = 86_400 * unit.perSecond
        guard dateEnd < text.count else {
            let (value, overflow) = days.multipliedReportingOverflow(by: perDay)
            return overflow ? nil : Timestamp(value: value, hasTime: false, zoned: false)
        }
        let separator = text[dateEnd]
        guard separator == 0x54 || separator == 0x74 || separator == 0x20 else { return nil }
        guard let (nanos, timeEnd) = scanTime(text, from: dateEnd + 1) else { return nil }
        var offsetSeconds: Int64 = 0
        var zoned = false
        var i = timeEnd
        if i < text.count {
            zoned = true
            if text[i] | 0x20 == 0x7A {
                i += 1
            } else if text[i] == 0x2B || text[i] == 0x2D {
                let sign: Int64 = text[i] == 0x2D ? -1 : 1
                guard let hours = twoDigits(text, i + 1), hours <= 23 else { return nil }
                i += 3
                var minutes: Int64 = 0
                if i < text.count {
                    if text[i] == 0x3A { i += 1 }
                    guard let m = twoDigits(text, i), m <= 59 else { return nil }
                    minutes = m
                    i += 2
                }
                offsetSeconds = sign * (hours * 3600 + minutes * 60)
            }
            guard i == text.count else { return nil }
        }
        let (dayPart, o1) = days.multipliedReportingOverflow(by: perDay)
        let timePart = nanos / (1_000_000_000 / unit.perSecond)
        let (local, o2) = dayPart.addingReportingOverflow(timePart)
        let (utc, o3) = local.subtractingReportingOverflow(offsetSeconds * unit.perSecond)
        guard !o1, !o2, !o3 else { return nil }
        return Timestamp(value: utc, hasTime: true, zoned: zoned)
    }

    @inline(__always)
    private static func twoDigits(_ text: Bytes, _ i: Int) -> Int64? {
        guard i + 1 < text.count, let a = digit(text[i]), let b = digit(text[i + 1]) else { return nil }
        return Int64(a) * 10 + Int64(b)
    }

    /// Scans a date at `start`; returns days since the epoch and the index after it.
    private static func scanDate(_ text: Bytes, from start: Int) -> (Int64, Int)? {
        var i = start
        let n = text.count
        var negative = false
        var signed = false
        if i < n, text[i] == 0x2B || text[i] == 0x2D {
            negative = text[i] == 0x2D
            signed = true
            i += 1
        }
        var year: Int64 = 0
        var yearDigits = 0
        while i < n, let d = digit(text[i]), yearDigits < 9 {
            year = year * 10 + Int64(d)
            yearDigits += 1
            i += 1
        }
        guard signed ? yearDigits >= 4 : yearDigits == 4 else { return nil }
        guard i + 6 <= n, text[i] == 0x2D, text[i + 3] == 0x2D,
            let month = twoDigits(text, i + 1), let day = twoDigits(text, i + 4)
        else { return nil }
        guard let days = TemporalFormat.days(year: negative ? -year : year, month: Int(month), day: Int(day)) else {
            return nil
        }
        return (days, i + 6)
    }

    /// Scans `HH:MM[:SS[.fraction]]` at `start`; returns nanoseconds since midnight and the index
    /// after it. Fraction digits past the ninth are accepted and ignored.
    private static func scanTime(_ text: Bytes, from start: Int) -> (Int64, Int)? {
        guard let hours = twoDigits(text, start), hours <= 23,
            start + 2 < text.count, text[start + 2] == 0x3A,
            let minutes = twoDigits(text, start + 3), minutes <= 59
        else { return nil }
        var i = start + 5
        var seconds: Int64 = 0
        var nanos: Int64 = 0
        if i < text.count, text[i] == 0x3A {
            guard let s = twoDigits(text, i + 1), s <= 59 else { return nil }
            seconds = s
            i += 3
            if i < text.count, text[i] == 0x2E || text[i] == 0x2C {
                i += 1
                var scale: Int64 = 100_000_000
                let fractionStart = i
                while i < text.count, let d = digit(text[i]) {
                    nanos += Int64(d) * scale
                    scale /= 10
                    i += 1
                }
                guard i > fractionStart else { return nil }
            }
        }
        return ((hours * 3600 + minutes * 60 + seconds) * 1_000_000_000 + nanos, i)
    }
}
