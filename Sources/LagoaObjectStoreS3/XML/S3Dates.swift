#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two date formats of S3 answers, as milliseconds since the epoch.
enum S3Dates {
    /// `2009-10-12T17:50:30.000Z` (XML bodies).
    static func iso8601Millis(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            Int(String(decoding: bytes[range], as: UTF8.self))
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        var millis = 0
        if bytes.count > 20, bytes[19] == UInt8(ascii: ".") {
            let digits = bytes[20...].prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            let padded = (Array(digits.prefix(3)) + Array(repeating: UInt8(ascii: "0"), count: 3)).prefix(3)
            millis = Int(String(decoding: padded, as: UTF8.self)) ?? 0
        }
        return epochMillis(year: year, month: month, day: day, hour: hour, minute: minute, second: second) + Int64(millis)
    }

    /// `Wed, 12 Oct 2009 17:50:00 GMT` (the `Last-Modified` header).
    static func httpDateMillis(_ text: String) -> Int64? {
        let parts = text.split(separator: " ")
        guard parts.count == 6 else { return nil }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let time = parts[4].split(separator: ":")
        guard let day = Int(parts[1]), let monthIndex = months.firstIndex(of: String(parts[2])), let year = Int(parts[3]),
              time.count == 3, let hour = Int(time[0]), let minute = Int(time[1]), let second = Int(time[2])
        else { return nil }
        return epochMillis(year: year, month: monthIndex + 1, day: day, hour: hour, minute: minute, second: second)
    }

    private static func epochMillis(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int64 {
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        return Int64(timegm(&parts)) * 1000
    }
}
