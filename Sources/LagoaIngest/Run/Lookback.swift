/// How far behind the last cursor value an incremental run starts again, to catch late updates:
/// `lookback: 2 days` (timestamp or date cursors), `lookback: 1000` (ids, or seconds for timestamps,
/// days for dates).
public enum Lookback: Sendable, Hashable, CustomStringConvertible {
    /// A bare number: ids for integer cursors, seconds for timestamps, days for dates.
    case count(Int64)
    /// A duration with a unit.
    case seconds(Int64)

    /// Parses `N` or `N second(s)|minute(s)|hour(s)|day(s)` (also `s`, `m`, `h`, `d`).
    /// - Throws: ``IngestError/Code/configuration`` with the accepted forms.
    public init(parsing text: String) throws(IngestError) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        var number = parts.first.map(String.init) ?? ""
        var unit = parts.count > 1 ? String(parts[1]).lowercased() : ""
        if parts.count == 1, let last = number.last, last.isLetter {
            unit = String(last)
            number.removeLast()
        }
        guard parts.count <= 2, let n = Int64(number), n >= 0 else {
            throw IngestError(.configuration, "lookback '\(text)' is not understood; write a number (e.g. 1000) or a duration such as '2 days', '6 hours', '30 minutes'")
        }
        switch unit {
        case "": self = .count(n)
        case "s", "second", "seconds": self = .seconds(n)
        case "m", "minute", "minutes": self = .seconds(n * 60)
        case "h", "hour", "hours": self = .seconds(n * 3600)
        case "d", "day", "days": self = .seconds(n * 86_400)
        default:
            throw IngestError(.configuration, "lookback unit '\(unit)' is not understood; use seconds, minutes, hours or days")
        }
    }

    public var description: String {
        switch self {
        case .count(let n): "\(n)"
        case .seconds(let s): s % 86_400 == 0 ? "\(s / 86_400) days" : (s % 3600 == 0 ? "\(s / 3600) hours" : "\(s) seconds")
        }
    }
}
