import LagoaColumnar
import Testing

@testable import LagoaCSV

@Suite("Text parsing")
struct TextParsingTests {
    private func with<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    @Test("integers at the Int64 limits", arguments: [
        ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min), ("+42", 42), ("-0", 0), ("007", 7),
    ])
    func integers(text: String, value: Int64) {
        #expect(with(text) { TextParsing.parseInt64($0) } == value)
    }

    @Test("rejects bad integers", arguments: ["", "-", "+", "9223372036854775808", "-9223372036854775809", "1.0", " 1", "1 ", "0x10", "99999999999999999999"])
    func badIntegers(text: String) {
        #expect(with(text) { TextParsing.parseInt64($0) } == nil)
    }

    @Test("floats round correctly", arguments: [
        "0.1", "1e23", "2.2250738585072014e-308", "4.9e-324", "1.7976931348623157e308", "123456789012345678901234567890",
        "0.000001", "-3.14159", "1.", ".5", "9007199254740993", "8.98846567431158e307", "1E+2", "0.30000000000000004",
        "2.225073858507201136057409796709131975934819546351645648e-308", "7.038531e-26",
    ])
    func floats(text: String) {
        #expect(with(text) { TextParsing.parseFloat64($0) } == Double(text))
    }

    @Test("float specials and rejects")
    func floatSpecials() {
        #expect(with("inf") { TextParsing.parseFloat64($0) } == .infinity)
        #expect(with("-Infinity") { TextParsing.parseFloat64($0) } == -.infinity)
        #expect(with("NaN") { TextParsing.parseFloat64($0) }?.isNaN == true)
        #expect(with("1e400") { TextParsing.parseFloat64($0) } == .infinity)
        #expect(with("-0.0") { TextParsing.parseFloat64($0) }?.sign == .minus)
        for bad in ["", ".", "e5", "1e", "1e+", "0x1p3", "1,5", "infinit", "1.2.3", " 1"] {
            #expect(with(bad) { TextParsing.parseFloat64($0) } == nil, "\(bad)")
        }
        #expect(with("16777217") { TextParsing.parseFloat32($0) } == Float("16777217"))
        #expect(with("3.4028235e38") { TextParsing.parseFloat32($0) } == Float.greatestFiniteMagnitude)
    }

    @Test("decimals are exact or rejected")
    func decimals() {
        #expect(with("12.5") { TextParsing.parseDecimal($0, precision: 5, scale: 2) } == 1250)
        #expect(with("-0.10") { TextParsing.parseDecimal($0, precision: 5, scale: 1) } == -1)
        #expect(with("1.5e2") { TextParsing.parseDecimal($0, precision: 5, scale: 0) } == 150)
        #expect(with("1.234") { TextParsing.parseDecimal($0, precision: 5, scale: 2) } == nil)
        #expect(with("1000") { TextParsing.parseDecimal($0, precision: 5, scale: 2) } == nil)
        #expect(with("999.99") { TextParsing.parseDecimal($0, precision: 5, scale: 2) } == 99_999)
    }

    @Test("dates and timestamps")
    func temporal() {
        #expect(with("1970-01-01") { TextParsing.parseDate($0) } == 0)
        #expect(with("2000-02-29") { TextParsing.parseDate($0) } == 11_016)
        #expect(with("-000001-01-01") { TextParsing.parseDate($0) } == Int32(TemporalFormat.days(year: -1, month: 1, day: 1)!))
        for bad in ["2001-02-29", "2024-13-01", "2024-1-01", "24-01-01", "2024/01/01", "2024-01-01x"] {
            #expect(with(bad) { TextParsing.parseDate($0) } == nil, "\(bad)")
        }
        let zoned = with("1970-01-02T01:30:00.5-01:30") { TextParsing.parseTimestamp($0, unit: .millisecond) }
        #expect(zoned?.value == (86_400 + 3 * 3600) * 1000 + 500 && zoned?.zoned == true)
        let naive = with("1970-01-01 00:00:01.123456789") { TextParsing.parseTimestamp($0, unit: .nanosecond) }
        #expect(naive?.value == 1_123_456_789 && naive?.zoned == false)
        #expect(with("1970-01-01T00:00Z") { TextParsing.parseTimestamp($0, unit: .millisecond) }?.value == 0)
        #expect(with("1969-12-31T23:59:59.9999999") { TextParsing.parseTimestamp($0, unit: .microsecond) }?.value == -1)
        for bad in ["1970-01-01T24:00:00", "1970-01-01T00:60", "1970-01-01T00:00:00+25:00", "1970-01-01T00:00:00.", "1970-01-01X00:00"] {
            #expect(with(bad) { TextParsing.parseTimestamp($0, unit: .microsecond) } == nil, "\(bad)")
        }
        #expect(with("23:59:59.999") { TextParsing.parseTime($0, unit: .microsecond) } == 86_399_999_000)
    }

    @Test("base64 round trips and rejects bad text")
    func base64() {
        for length in 0..<10 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 37) }
            var text: [UInt8] = []
            bytes.withUnsafeBytes { Base64.encode($0, into: &text) }
            var back: [UInt8] = []
            #expect(text.withUnsafeBufferPointer { Base64.decode($0, into: &back) })
            #expect(back == bytes)
        }
        var out: [UInt8] = []
        #expect(with("aGk") { Base64.decode($0, into: &out) } && out == Array("hi".utf8))
        for bad in ["a", "a===", "aG!=", "aGk=="] {
            var sink: [UInt8] = []
            #expect(!with(bad) { Base64.decode($0, into: &sink) }, "\(bad)")
        }
    }
}
