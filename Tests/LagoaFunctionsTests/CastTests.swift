import LagoaColumnar
import Testing
@testable import LagoaFunctions

@Suite struct CastTests {
    func cast(_ value: Value, _ from: DataType, _ to: DataType) throws -> Value {
        try Cast.castValue(value, from: from, to: to)
    }

    @Test func stringsToNumbers() throws {
        #expect(try cast(.string(" 42 "), .string, .int32) == .int(42))
        #expect(try cast(.string("1.5"), .string, .int32) == .int(2))
        #expect(try cast(.string("-2.5"), .string, .int32) == .int(-3))
        #expect(try cast(.string("2.5"), .string, .decimal128(precision: 10, scale: 0)) == .decimal(3, scale: 0))
        #expect(try cast(.string("0.1"), .string, .decimal128(precision: 3, scale: 2)) == .decimal(10, scale: 2))
        #expect(try cast(.string("1e3"), .string, .float64) == .double(1000))
        #expect(try cast(.string("t"), .string, .boolean) == .bool(true))
    }

    @Test func badCastMessageNamesValueAndTypes() {
        let error = #expect(throws: FunctionError.self) { try cast(.string("abc"), .string, .int32) }
        #expect(error?.message.hasPrefix("could not cast 'abc' to int32") == true)
        #expect(error?.code == .invalidValue)
    }

    @Test func tryCastGivesNull() throws {
        let column = try Cast.cast(T.strings(["1", "x", nil]), to: .int64, isTry: true, rowCount: 3)
        #expect(column.allValues == [.int(1), .null, .null])
    }

    @Test func numericNarrowingChecksRange() throws {
        let error = #expect(throws: FunctionError.self) { try Cast.cast(T.ints([1, 300], .int32), to: .int8, isTry: false, rowCount: 2) }
        #expect(error?.message.hasPrefix("could not cast 300 to int8") == true)
        let tried = try Cast.cast(T.ints([1, 300, nil], .int32), to: .int8, isTry: true, rowCount: 3)
        #expect(tried.allValues == [.int(1), .null, .null])
    }

    @Test func doublesRoundHalfEvenDecimalsHalfAwayFromZero() throws {
        #expect(try cast(.double(2.5), .float64, .int32) == .int(2))
        #expect(try cast(.double(3.5), .float64, .int32) == .int(4))
        #expect(try cast(.decimal(25, scale: 1), .decimal128(precision: 3, scale: 1), .int32) == .int(3))
        #expect(try cast(.decimal(-125, scale: 2), .decimal128(precision: 4, scale: 2), .decimal128(precision: 3, scale: 1)) == .decimal(-13, scale: 1))
        let column = try Cast.cast(T.decimals([125, -125, nil], scale: 2), to: .decimal128(precision: 3, scale: 1), isTry: false, rowCount: 3)
        #expect(column.allValues == [.decimal(13, scale: 1), .decimal(-13, scale: 1), .null])
    }

    @Test func textFormatsMatchDuckDB() throws {
        #expect(try cast(.double(0.1), .float64, .string) == .string("0.1"))
        #expect(try cast(.double(1e20), .float64, .string) == .string("1e+20"))
        #expect(try cast(.double(1.0), .float64, .string) == .string("1.0"))
        #expect(try cast(.double(1e-5), .float64, .string) == .string("1e-05"))
        #expect(try cast(.double(0.000123), .float64, .string) == .string("0.000123"))
        #expect(try cast(.double(1.5e15), .float64, .string) == .string("1500000000000000.0"))
        #expect(try cast(.double(1e16), .float64, .string) == .string("1e+16"))
        #expect(try cast(.double(1.0 / 3), .float64, .string) == .string("0.3333333333333333"))
        #expect(try cast(.decimal(-1250, scale: 2), .decimal128(precision: 5, scale: 2), .string) == .string("-12.50"))
        let ts = DataType.timestamp(.microsecond, timeZone: nil)
        let parsed = try cast(.string("2024-01-01 10:00:00.5"), .string, ts)
        #expect(try cast(parsed, ts, .string) == .string("2024-01-01 10:00:00.5"))
        #expect(try cast(.date(19723), .date32, .string) == .string("2024-01-01"))
    }

    @Test func dateAndTimestamp() throws {
        let ts = DataType.timestamp(.microsecond, timeZone: nil)
        let column = try Cast.cast(.column(T.column([.date(1), .null], .date32)), to: ts, isTry: false, rowCount: 2)
        #expect(column.allValues == [.timestamp(86_400_000_000, .microsecond, timeZone: nil), .null])
        #expect(try cast(.timestamp(-1, .microsecond, timeZone: nil), ts, .date32) == .date(-1))
    }

    @Test func coercionRules() {
        #expect(TypeCoercion.commonSupertype([.int32, .int64]) == .int64)
        #expect(TypeCoercion.commonSupertype([.int64, .decimal128(precision: 15, scale: 2)]) == .decimal128(precision: 21, scale: 2))
        #expect(TypeCoercion.commonSupertype([.decimal128(precision: 15, scale: 2), .float64]) == .float64)
        #expect(TypeCoercion.commonSupertype([.date32, .timestamp(.microsecond, timeZone: nil)]) == .timestamp(.microsecond, timeZone: nil))
        #expect(TypeCoercion.commonSupertype([nil, .int32]) == .int32)
        #expect(TypeCoercion.commonSupertype([.boolean, .date32]) == nil)
        #expect(Cast.canCoerceImplicitly(from: .int32, to: .int64))
        #expect(!Cast.canCoerceImplicitly(from: .int64, to: .int32))
    }
}
