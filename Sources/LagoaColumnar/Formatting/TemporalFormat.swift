/// Conversions between epoch-based integers and ISO-8601 text, shared by every reader, writer and
/// printer (no Foundation dependency, no time-zone database needed).
public enum TemporalFormat {
    /// Civil date (year, month, day) for days since 1970-01-01 (proleptic Gregorian).
    /// - Complexity: O(1) (Howard Hinnant's `civil_from_days`).
    public static func civil(fromDays days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, Int(m), Int(d))
    }

    /// Days since 1970-01-01 for a civil date; `nil` when the month or day is out of range.
    public static func days(year: Int64, month: Int, day: Int) -> Int64? {
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64(month > 2 ? month - 3 : month + 9)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Days in `month` of `year`.
    public static func daysInMonth(year: Int64, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `YYYY-MM-DD`.
    public static func date(_ days: Int64) -> String {
        let (y, m, d) = civil(fromDays: days)
        return year(y) + "-" + pad(Int64(m), 2) + "-" + pad(Int64(d), 2)
    }

    /// `HH:MM:SS[.fraction]` for a time of day in `unit`; the fraction keeps significant digits.
    public static func time(_ value: Int64, _ unit: TimeUnit) -> String {
        let perSecond = unit.perSecond
        let remainder = value % perSecond
        let seconds = value / perSecond - (remainder < 0 ? 1 : 0)
        let fraction = remainder < 0 ? remainder + perSecond : remainder
        let h = seconds / 3600, m = (seconds / 60) % 60, s = seconds % 60
        return pad(h, 2) + ":" + pad(m, 2) + ":" + pad(s, 2) + fractionText(fraction, unit)
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fraction][Z]`; `Z` is added for UTC instants.
    public static func timestamp(_ value: Int64, _ unit: TimeUnit, utc: Bool, separator: String = "T") -> String {
        let perDay = 86_400 * unit.perSecond
        let remainder = value % perDay
        // Computed without multiplying back, so values near Int64.min cannot overflow.
        let days = value / perDay - (remainder < 0 ? 1 : 0)
        let rest = remainder < 0 ? remainder + perDay : remainder
        return date(days) + separator + time(rest, unit) + (utc ? "Z" : "")
    }

    /// The exact decimal text of `unscaled / 10^scale`, e.g. `-12.50`.
    public static func decimal(_ unscaled: Int128, scale: Int) -> String {
        let negative = unscaled < 0
        var digits = String(unscaled.magnitude)
        if scale > 0 {
            if digits.count <= scale {
                digits = String(repeating: "0", count: scale - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        } else if scale < 0 {
            digits += String(repeating: "0", count: -scale)
        }
        return negative ? "-" + digits : digits
    }

    private static func fractionText(_ fraction: Int64, _ unit: TimeUnit) -> String {
        guard fraction != 0 else { return "" }
        let width = unit == .millisecond ? 3 : unit == .microsecond ? 6 : 9
        var text = pad(fraction, width)
        while text.hasSuffix("0") { text.removeLast() }
        return "." + text
    }

    private static func year(_ y: Int64) -> String {
        if y >= 0 && y <= 9999 { return pad(y, 4) }
        return (y < 0 ? "-" : "+") + pad(y.magnitude, 6)
    }

    private static func pad<T: BinaryInteger>(_ v: T, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
