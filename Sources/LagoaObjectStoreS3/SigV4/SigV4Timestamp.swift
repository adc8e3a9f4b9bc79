#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A signing time, whole seconds since the Unix epoch, rendered as SigV4 wants it (`20130524T000000Z`).
public struct SigV4Timestamp: Sendable, Hashable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Int64

    public init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
    }

    /// The current time.
    public static func now() -> SigV4Timestamp {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return SigV4Timestamp(secondsSince1970: Int64(now.tv_sec))
    }

    /// `YYYYMMDDTHHMMSSZ`, the `x-amz-date` value.
    public var amzDate: String {
        let parts = utcParts
        return pad(parts.year, 4) + pad(parts.month, 2) + pad(parts.day, 2) + "T" + pad(parts.hour, 2)
            + pad(parts.minute, 2) + pad(parts.second, 2) + "Z"
    }

    /// `YYYYMMDD`, the date of the credential scope.
    public var dateStamp: String { String(amzDate.prefix(8)) }

    private var utcParts: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var seconds = time_t(secondsSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
