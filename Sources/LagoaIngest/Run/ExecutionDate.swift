import Foundation
import LagoaColumnar
import LagoaCore

/// The logical date a run processes (`--date 2026-11-20`), as days since 1970-01-01. Each
/// execution date is one partition of every SOR table.
public struct ExecutionDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var days: Int32

    public init(days: Int32) {
        self.days = days
    }

    /// Parses `YYYY-MM-DD`.
    /// - Throws: ``IngestError/Code/configuration`` naming the text and the expected form.
    public init(parsing text: String) throws(IngestError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int64(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...TemporalFormat.daysInMonth(year: year, month: month)).contains(day),
            let days = TemporalFormat.days(year: year, month: month, day: day)
        else {
            throw IngestError(.configuration, "'\(text)' is not a date; write the execution date as YYYY-MM-DD, e.g. --date 2026-11-20")
        }
        self.days = Int32(days)
    }

    /// Today's date in `timeZone` (an IANA name such as `America/Sao_Paulo`; `nil` is UTC).
    /// - Throws: ``IngestError/Code/configuration`` for an unknown zone.
    /// - Parameter nowMillis: the instant, milliseconds since the epoch (tests pass a fixed one).
    public static func today(in timeZone: String?, nowMillis: Int64? = nil) throws(IngestError) -> ExecutionDate {
        let now = Date(timeIntervalSince1970: Double(nowMillis ?? WallClock.nowMillis()) / 1000)
        let zone: TimeZone
        if let timeZone {
            guard let found = TimeZone(identifier: timeZone) else {
                throw IngestError(.configuration, "unknown time zone '\(timeZone)'; use an IANA name such as America/Sao_Paulo or UTC")
            }
            zone = found
        } else {
            zone = TimeZone(identifier: "UTC")!
        }
        let seconds = Int64(now.timeIntervalSince1970.rounded(.down)) + Int64(zone.secondsFromGMT(for: now))
        return ExecutionDate(days: Int32((seconds - (seconds % 86_400 + 86_400) % 86_400) / 86_400))
    }

    /// `YYYY-MM-DD`.
    public var description: String { TemporalFormat.date(Int64(days)) }

    public static func < (lhs: ExecutionDate, rhs: ExecutionDate) -> Bool { lhs.days < rhs.days }
}
