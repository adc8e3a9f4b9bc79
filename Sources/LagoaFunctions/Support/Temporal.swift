package import LagoaColumnar

/// Calendar and clock arithmetic on epoch-based integers (proleptic Gregorian, no time zones).
package enum Temporal {
    package static let microsPerDay: Int64 = 86_400_000_000

    /// `a / b` rounded toward negative infinity.
    @inline(__always)
    package static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// `a mod b` in `0..<b` for positive `b`.
    @inline(__always)
    package static func floorMod(_ a: Int64, _ b: Int64) -> Int64 {
        a - floorDiv(a, b) * b
    }

    /// A time value moved between units (truncating toward negative infinity when coarsening).
    @inline(__always)
    package static func convert(_ value: Int64, from: TimeUnit, to: TimeUnit) -> Int64 {
        if from == to { return value }
        if from.perSecond < to.perSecond { return value &* (to.perSecond / from.perSecond) }
        return floorDiv(value, from.perSecond / to.perSecond)
    }

    /// Microseconds since the epoch of a timestamp in `unit`.
    @inline(__always)
    package static func micros(_ value: Int64, _ unit: TimeUnit) -> Int64 {
        convert(value, from: unit, to: .microsecond)
    }

    /// Parses `YYYY-MM-DD`.
    package static func parseDate(_ text: Substring) -> Int32? {
        var copy = String(text)
        return copy.withUTF8 { TextParsing.parseDate($0) }
    }

    /// Parses `YYYY-MM-DD[( |T)HH:MM[:SS[.f]]][Z|±hh[:mm]]` (offsets are converted to UTC).
    package static func parseTimestamp(_ text: Substring, unit: TimeUnit) -> Int64? {
        var copy = String(text)
        if copy.hasSuffix(" UTC") { copy.removeLast(4) }
        return copy.withUTF8 { TextParsing.parseTimestamp($0, unit: unit)?.value }
    }

    /// Parses `HH:MM[:SS[.f]]`.
    package static func parseTime(_ text: Substring, unit: TimeUnit) -> Int64? {
        var copy = String(text)
        return copy.withUTF8 { TextParsing.parseTime($0, unit: unit) }
    }

    /// (year, month, day) of a day number.
    @inline(__always)
    package static func civil(_ days: Int64) -> (year: Int64, month: Int, day: Int) {
        TemporalFormat.civil(fromDays: days)
    }

    /// Day number of a civil date whose day may exceed the month's length: it is clamped to the last
    /// day (DuckDB's month arithmetic: 2024-01-31 + 1 month = 2024-02-29).
    package static func daysClamped(year: Int64, month: Int, day: Int) -> Int64 {
        let last = TemporalFormat.daysInMonth(year: year, month: month)
        return TemporalFormat.days(year: year, month: month, day: min(day, last))!
    }

    /// `days` moved by `months` calendar months, clamping the day of month.
    package static func addMonths(days: Int64, months: Int64) -> Int64 {
        if months == 0 { return days }
        let (y, m, d) = civil(days)
        let total = y * 12 + Int64(m - 1) + months
        let year = floorDiv(total, 12)
        let month = Int(total - year * 12) + 1
        return daysClamped(year: year, month: month, day: d)
    }

    /// ISO-8601 day of week, Monday = 1 … Sunday = 7.
    @inline(__always)
    package static func isoDayOfWeek(_ days: Int64) -> Int64 {
        // 1970-01-01 was a Thursday (4).
        floorMod(days + 3, 7) + 1
    }

    /// Day of the year, 1-based.
    package static func dayOfYear(_ days: Int64) -> Int64 {
        let (y, _, _) = civil(days)
        return days - TemporalFormat.days(year: y, month: 1, day: 1)! + 1
    }

    /// ISO-8601 week number and week-based year.
    package static func isoWeek(_ days: Int64) -> (year: Int64, week: Int64) {
        // The Thursday of this ISO week decides the year.
        let thursday = days - isoDayOfWeek(days) + 4
        let (y, _, _) = civil(thursday)
        let jan1 = TemporalFormat.days(year: y, month: 1, day: 1)!
        return (y, (thursday - jan1) / 7 + 1)
    }
}
