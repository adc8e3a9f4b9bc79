import Testing

@testable import LagoaJSON

@Suite("JSON parser")
struct JSONParserTests {
    private func error(_ text: String, maxDepth: Int = 128) -> String? {
        do {
            _ = try JSONValue(parsing: text, maxDepth: maxDepth)
            return nil
        } catch {
            return error.message
        }
    }

    @Test("parses every kind of value")
    func values() throws {
        let value = try JSONValue(parsing: #" { "a" : [1, -2.5, true, false, null, "x"], "b": {}, "c": [] } "#)
        #expect(value == .object(keys: ["a", "b", "c"], values: [
            .array([.int(1), .number("-2.5"), .bool(true), .bool(false), .null, .string("x")]),
            .object(keys: [], values: []), .array([]),
        ]))
        #expect(value.text == #"{"a":[1,-2.5,true,false,null,"x"],"b":{},"c":[]}"#)
        #expect(value["a"] != nil && value["zz"] == nil)
    }

    @Test("all escapes, including surrogate pairs")
    func escapes() throws {
        let value = try JSONValue(parsing: #""q\" b\\ s\/ \b\f\n\r\t \u00e9 \u20AC \ud83d\ude00 \u0000""#)
        #expect(value == .string("q\" b\\ s/ \u{8}\u{c}\n\r\t é € 😀 \u{0}"))
        #expect(value.text == #""q\" b\\ s/ \b\f\n\r\t é € 😀 \u0000""#)
        #expect(try JSONValue(parsing: "\"zoë 日本\"") == .string("zoë 日本"))
    }

    @Test("numbers stay exact: Int64 limits as integers, the rest as text")
    func numbers() throws {
        #expect(try JSONValue(parsing: "9223372036854775807") == .int(.max))
        #expect(try JSONValue(parsing: "-9223372036854775808") == .int(.min))
        #expect(try JSONValue(parsing: "9223372036854775808") == .number("9223372036854775808"))
        #expect(try JSONValue(parsing: "-9223372036854775809") == .number("-9223372036854775809"))
        #expect(try JSONValue(parsing: "1.10") == .number("1.10"))
        #expect(try JSONValue(parsing: "-0") == .int(0))
        #expect(try JSONValue(parsing: "1E+2").doubleValue == 100)
        #expect(try JSONValue(parsing: "0.1e-2").doubleValue == 0.001)
    }

    @Test("syntax errors name line, column and what was expected", arguments: [
        ("{\"a\" 1}", "line 1, column 6: expected ':' after an object key, found '1'"),
        ("{\"a\":1,}", "line 1, column 8: expected a string key, found '}'"),
        ("{\n  \"a\": 1\n  \"b\": 2}", "line 3, column 3: expected ',' or '}' after an object member, found '\"'"),
        ("[1 2]", "line 1, column 4: expected ',' or ']' after an array element, found '2'"),
        ("[1,", "line 1, column 4: expected a value, found end of input"),
        ("{", "line 1, column 2: expected a string key or '}', found end of input"),
        ("tru", "line 1, column 1: expected a value, found 't'"),
        ("01", "line 1, column 1: numbers cannot have leading zeros"),
        ("-", "line 1, column 2: expected a digit after '-', found end of input"),
        ("1.", "line 1, column 3: expected a digit after '.', found end of input"),
        ("1e+", "line 1, column 4: expected a digit in the exponent, found end of input"),
        ("+1", "line 1, column 1: expected a value, found '+'"),
        ("NaN", "line 1, column 1: expected a value, found 'N'"),
        ("\"abc", "line 1, column 5: expected '\"' to close the string, found end of input"),
        ("\"a\tb\"", "line 1, column 3: control character U+0009 must be escaped in a string"),
        ("\"\\x\"", "line 1, column 2: invalid escape '\\x' in a string"),
        ("\"\\u12\"", "line 1, column 2: expected four hex digits after '\\u'"),
        ("\"\\ud83d\"", "line 1, column 2: unpaired surrogate \\uD83D in a string"),
        ("\"\\ude00\\ud83d\"", "line 1, column 2: unpaired surrogate \\uDE00 in a string"),
        ("\"\\ud83d\\u0041\"", "line 1, column 2: unpaired surrogate \\uD83D in a string"),
        ("{} x", "line 1, column 4: unexpected 'x' after the JSON value"),
        ("", "line 1, column 1: expected a value, found end of input"),
    ])
    func syntaxErrors(text: String, message: String) {
        #expect(error(text) == message)
    }

    @Test("rejects invalid UTF-8 in strings")
    func invalidUTF8() {
        for bytes: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC0, 0x80, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xE2, 0x82, 0x22]] {
            #expect(throws: JSONError.self) { try JSONValue(parsing: bytes) }
        }
        #expect(throws: Never.self) { try JSONValue(parsing: [0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22]) }
    }

    @Test("nesting is limited")
    func depthLimit() {
        let ok = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        #expect(error(ok) == nil)
        let deep = String(repeating: "[", count: 129) + String(repeating: "]", count: 129)
        #expect(error(deep) == "line 1, column 129: JSON nested deeper than 128 levels")
        let hostile = String(repeating: "{\"a\":", count: 100_000)
        #expect(error(hostile, maxDepth: 16) == "line 1, column 81: JSON nested deeper than 16 levels")
        do {
            _ = try JSONValue(parsing: deep)
        } catch {
            #expect(error.code == .resourceLimit)
        }
    }
}
