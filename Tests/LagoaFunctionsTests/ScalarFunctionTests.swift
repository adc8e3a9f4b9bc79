import LagoaColumnar
import Testing
@testable import LagoaFunctions

@Suite struct ScalarFunctionTests {
    let s = DataType.string

    @Test func strings() throws {
        #expect(try T.call("length", [(.string("héllo"), s)]) == .int(5))
        #expect(try T.call("upper", [(.string("abc"), s)]) == .string("ABC"))
        #expect(try T.call("trim", [(.string("xxhixx"), s), (.string("x"), s)]) == .string("hi"))
        #expect(try T.call("substring", [(.string("hello"), s), (.int(0), .int64), (.int(2), .int64)]) == .string("h"))
        #expect(try T.call("substr", [(.string("hello"), s), (.int(-3), .int64)]) == .string("llo"))
        #expect(try T.call("substring", [(.string("hello"), s), (.int(-3), .int64), (.int(2), .int64)]) == .string("ll"))
        #expect(try T.call("substring", [(.string("hello"), s), (.int(3), .int64), (.int(-2), .int64)]) == .string("he"))
        #expect(try T.call("split_part", [(.string("a,b,c"), s), (.string(","), s), (.int(-1), .int64)]) == .string("c"))
        #expect(try T.call("split_part", [(.string("a,b,c"), s), (.string(","), s), (.int(5), .int64)]) == .string(""))
        #expect(try T.call("lpad", [(.string("abc"), s), (.int(5), .int64), (.string("xy"), s)]) == .string("xyabc"))
        #expect(try T.call("lpad", [(.string("abcdef"), s), (.int(3), .int64), (.string("x"), s)]) == .string("abc"))
        #expect(try T.call("left", [(.string("hello"), s), (.int(-2), .int64)]) == .string("hel"))
        #expect(try T.call("strpos", [(.string("hello"), s), (.string("l"), s)]) == .int(3))
        #expect(try T.call("replace", [(.string("aXbX"), s), (.string("X"), s), (.string("--"), s)]) == .string("a--b--"))
        #expect(try T.call("concat", [(.string("a"), s), (.null, s), (.int(1), .int64)]) == .string("a1"))
        #expect(try T.call("concat_ws", [(.string("-"), s), (.string("a"), s), (.null, s), (.string("b"), s)]) == .string("a-b"))
        #expect(try T.call("upper", [(.null, s)]) == .null)
    }

    @Test func digestsMatchKnownVectors() throws {
        #expect(try T.call("md5", [(.string("abc"), s)]) == .string("900150983cd24fb0d6963f7d28e17f72"))
        #expect(try T.call("md5", [(.string(""), s)]) == .string("d41d8cd98f00b204e9800998ecf8427e"))
        #expect(try T.call("sha256", [(.string("abc"), s)]) == .string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
    }

    @Test func likePatterns() {
        #expect(LikePattern("abc%").matches("abcdef"))
        #expect(!LikePattern("abc%").matches("xabc"))
        #expect(LikePattern("%forest%").matches("dark forest green"))
        #expect(LikePattern("%BRASS").matches("LARGE BRASS"))
        #expect(LikePattern("a_c").matches("abc"))
        #expect(!LikePattern("a_c").matches("abbc"))
        #expect(LikePattern("%special%requests%").matches("the special deposits requests"))
        #expect(LikePattern("A%", caseInsensitive: true).matches("abc"))
        #expect(LikePattern("100!%", escape: "!").matches("100%"))
        #expect(!LikePattern("100!%", escape: "!").matches("1000"))
        let column = T.column([.string("apple"), .null, .string("banana")], .string)
        #expect(LikePattern("%an%").evaluate(column).allValues == [.bool(false), .null, .bool(true)])
    }

    @Test func regularExpressions() throws {
        #expect(try T.call("regexp_matches", [(.string("abc123"), s), (.string("[0-9]+"), s)]) == .bool(true))
        #expect(try T.call("regexp_replace", [(.string("a1b2"), s), (.string("[0-9]"), s), (.string("#"), s), (.string("g"), s)]) == .string("a#b#"))
        #expect(try T.call("regexp_replace", [(.string("a1b2"), s), (.string("[0-9]"), s), (.string("#"), s)]) == .string("a#b2"))
        #expect(try T.call("regexp_extract", [(.string("key=42"), s), (.string("([a-z]+)=([0-9]+)"), s), (.int(2), .int64)]) == .string("42"))
    }

    @Test func math() throws {
        #expect(try T.call("abs", [(.int(-3), .int64)]) == .int(3))
        #expect(try T.call("round", [(.double(2.5), .float64)]) == .double(3))
        #expect(try T.call("round", [(.double(1.2345), .float64), (.int(2), .int32)]) == .double(1.23))
        #expect(try T.call("round", [(.decimal(125, scale: 2), .decimal128(precision: 15, scale: 2)), (.int(1), .int32)]) == .decimal(130, scale: 2))
        #expect(try T.call("floor", [(.decimal(-125, scale: 2), .decimal128(precision: 15, scale: 2))]) == .decimal(-2, scale: 0))
        #expect(try T.call("ceil", [(.double(1.1), .float64)]) == .double(2))
        #expect(try T.call("power", [(.int(2), .int64), (.int(10), .int64)]) == .double(1024))
        #expect(try T.call("sqrt", [(.double(16), .float64)]) == .double(4))
        #expect(try T.call("coalesce", [(.null, .int32), (.int(2), .int64)]) == .int(2))
        #expect(try T.call("nullif", [(.int(2), .int64), (.int(2), .int64)]) == .null)
        #expect(try T.call("greatest", [(.int(2), .int64), (.null, .int64), (.int(5), .int64)]) == .int(5))
        #expect(try T.call("least", [(.int(2), .int64), (.int(5), .int64)]) == .int(2))
        let error = #expect(throws: FunctionError.self) { try T.call("sqrt", [(.double(-1), .float64)]) }
        #expect(error?.code == .invalidValue)
    }

    @Test func dates() throws {
        let date = DataType.date32
        let jan31 = Value.date(Int32(TemporalFormat.days(year: 2024, month: 1, day: 31)!))
        let feb29 = TemporalFormat.days(year: 2024, month: 2, day: 29)! * 86_400_000_000
        #expect(try T.call("add_interval", [(jan31, date), (.int(1), .int32), (.int(0), .int32), (.int(0), .int64)]) == .timestamp(feb29, .microsecond, timeZone: nil))
        let feb1 = Value.date(Int32(TemporalFormat.days(year: 2024, month: 2, day: 1)!))
        #expect(try T.call("date_diff", [(.string("month"), s), (jan31, date), (feb1, date)]) == .int(1))
        #expect(try T.call("datediff", [(.string("day"), s), (jan31, date), (feb1, date)]) == .int(1))
        #expect(try T.call("date_part", [(.string("year"), s), (jan31, date)]) == .int(2024))
        let jan7 = Value.date(Int32(TemporalFormat.days(year: 2024, month: 1, day: 7)!))
        #expect(try T.call("date_part", [(.string("dow"), s), (jan7, date)]) == .int(0))
        #expect(try T.call("extract", [(.string("week"), s), (.date(Int32(TemporalFormat.days(year: 2024, month: 1, day: 1)!)), date)]) == .int(1))
        let may1 = TemporalFormat.days(year: 2024, month: 5, day: 1)! * 86_400_000_000
        #expect(try T.call("date_trunc", [(.string("month"), s), (.date(Int32(TemporalFormat.days(year: 2024, month: 5, day: 17)!)), date)]) == .timestamp(may1, .microsecond, timeZone: nil))
        #expect(try T.call("make_date", [(.int(2024), .int64), (.int(2), .int64), (.int(29), .int64)]) == feb1.addingDays(28))
        let ts = try Cast.castValue(.string("2024-03-05 14:07:09"), from: .string, to: .timestamp(.microsecond, timeZone: nil))
        #expect(try T.call("strftime", [(ts, .timestamp(.microsecond, timeZone: nil)), (.string("%Y/%m/%d %H:%M:%S %j %a %b"), s)]) == .string("2024/03/05 14:07:09 065 Tue Mar"))
    }

    @Test func registryHasAliasesAndWindows() throws {
        let registry = FunctionRegistry.builtins
        for name in ["substr", "strpos", "char_length", "pow", "ceiling", "datediff"] { #expect(registry.scalar(name) != nil, "\(name)") }
        for name in ["stddev", "variance", "count", "approx_count_distinct"] { #expect(registry.aggregate(name) != nil, "\(name)") }
        #expect(try registry.window("row_number")?.bind([]).returnType == .int64)
        #expect(try registry.window("lag")?.bind([.int32, .int32, .int64]).returnType == .int64)
        #expect(try registry.window("percent_rank")?.bind([]).returnType == .float64)
    }
}

extension Value {
    func addingDays(_ n: Int32) -> Value {
        if case .date(let d) = self { return .date(d + n) }
        return self
    }
}
