import LagoaColumnar
import Testing
@testable import LagoaFunctions

@Suite struct TimeZoneTests {
    let local = DataType.timestamp(.microsecond, timeZone: nil)
    let instant = DataType.timestamp(.microsecond, timeZone: "UTC")

    func ts(_ text: String, _ type: DataType) throws -> Value {
        try Cast.castValue(.string(text), from: .string, to: type)
    }

    @Test func localTimeBecomesInstant() throws {
        let result = try T.call("at_time_zone", [(try ts("2024-01-15 12:00:00", local), local), (.string("America/Sao_Paulo"), .string)])
        #expect(result == (try ts("2024-01-15 15:00:00", instant)))
    }

    @Test func instantBecomesLocalTimeWithDaylightSaving() throws {
        let result = try T.call("at_time_zone", [(try ts("2024-07-15 15:00:00", instant), instant), (.string("America/New_York"), .string)])
        #expect(result == (try ts("2024-07-15 11:00:00", local)))
        let winter = try T.call("at_time_zone", [(try ts("2024-01-15 15:00:00", instant), instant), (.string("America/New_York"), .string)])
        #expect(winter == (try ts("2024-01-15 10:00:00", local)))
    }

    @Test func unknownZoneIsAnError() {
        let error = #expect(throws: FunctionError.self) {
            try T.call("at_time_zone", [(.timestamp(0, .microsecond, timeZone: nil), .timestamp(.microsecond, timeZone: nil)), (.string("Mars/Olympus"), .string)])
        }
        #expect(error?.message.hasPrefix("unknown time zone 'Mars/Olympus'") == true)
    }

    @Test func strptimeReadsCommonCodes() throws {
        let result = try T.call("strptime", [(.string("05/03/2024 14:07"), .string), (.string("%d/%m/%Y %H:%M"), .string)])
        #expect(result == (try ts("2024-03-05 14:07:00", local)))
        let error = #expect(throws: FunctionError.self) { try T.call("strptime", [(.string("nope"), .string), (.string("%Y"), .string)]) }
        #expect(error?.code == .invalidValue)
    }
}
