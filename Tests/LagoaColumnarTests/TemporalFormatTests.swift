import LagoaColumnar
import Testing

@Suite("TemporalFormat")
struct TemporalFormatTests {
    @Test("days round-trip through civil dates", arguments: [-719_468, -1, 0, 1, 59, 365, 11_016, 19_723, 2_932_896])
    func civilRoundTrip(days: Int) {
        let (y, m, d) = TemporalFormat.civil(fromDays: Int64(days))
        #expect(TemporalFormat.days(year: y, month: m, day: d) == Int64(days))
    }

    @Test("formats dates, times, timestamps and decimals")
    func formats() {
        #expect(TemporalFormat.date(0) == "1970-01-01")
        #expect(TemporalFormat.date(19_723) == "2024-01-01")
        #expect(TemporalFormat.date(-1) == "1969-12-31")
        #expect(TemporalFormat.time(3_723_000_500, .microsecond) == "01:02:03.0005")
        #expect(TemporalFormat.timestamp(-1, .microsecond, utc: true) == "1969-12-31T23:59:59.999999Z")
        #expect(TemporalFormat.timestamp(1_700_000_000_123, .millisecond, utc: false) == "2023-11-14T22:13:20.123")
        #expect(TemporalFormat.decimal(-1250, scale: 2) == "-12.50")
        #expect(TemporalFormat.decimal(5, scale: 3) == "0.005")
        #expect(TemporalFormat.decimal(Int128.max, scale: 0) == "170141183460469231731687303715884105727")
        #expect(TemporalFormat.days(year: 2023, month: 2, day: 29) == nil)
        #expect(TemporalFormat.timestamp(Int64.min, .nanosecond, utc: false) == "1677-09-21T00:12:43.145224192")
        #expect(TemporalFormat.timestamp(Int64.max, .nanosecond, utc: true) == "2262-04-11T23:47:16.854775807Z")
    }
}
