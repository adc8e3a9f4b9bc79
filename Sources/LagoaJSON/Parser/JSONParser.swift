/// A strict RFC 8259 JSON parser from UTF-8 bytes onto a ``JSONTape``.
///
/// Strings are validated as UTF-8 and unescaped (all escapes, including `\uXXXX` surrogate
/// pairs; unpaired surrogates are rejected); numbers are checked against the JSON grammar and kept
/// as text so callers convert them exactly (integers within Int64 as integers, others as needed);
/// nesting deeper than ``maxDepth`` is rejected before it can exhaust the stack.
///
/// - Complexity: O(n) in the input length; no allocation per value once the tape has grown.
struct JSONParser: Sendable {
    /// A syntax error at byte `offset` of the input.
    struct Fault: Error {
        var offset: Int
        var message: String
        var isDepthLimit = false
    }

    let maxDepth: Int
    /// The result of the last ``parse(_:)``.
    var tape = JSONTape()

    init(maxDepth: Int) {
        self.maxDepth = maxDepth
    }

    /// Parses exactly one JSON value, with optional whitespace around it, from all of `bytes`.
    mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Fault) {
        tape.reset()
        var i = 0
        try parseValue(bytes, &i, depth: 0)
        skipWhitespace(bytes, &i)
        guard i == bytes.count else {
            throw Fault(offset: i, message: "unexpected \(Self.describe(bytes, i)) after the JSON value")
        }
    }

    @inline(__always)
    private func skipWhitespace(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
        while i < b.count {
            let c = b[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }

    /// `'x'` for a printable ASCII byte, `end of input`, or `byte 0xNN`.
    static func describe(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> String {
        guard i < b.count else { return "end of input" }
        let c = b[i]
        if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        if c == 0x20 { return "' '" }
        return "byte 0x" + (c < 16 ? "0" : "") + String(c, radix: 16)
    }

    private mutating func parseValue(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, depth: Int) throws(Fault) {
        skipWhitespace(b, &i)
        guard i < b.count else { throw Fault(offset: i, message: "expected a value, found end of input") }
        switch b[i] {
        case 0x7B: try parseObject(b, &i, depth: depth + 1)
        case 0x5B: try parseArray(b, &i, depth: depth + 1)
        case 0x22: try parseString(b, &i)
        case 0x74: try parseLiteral(b, &i, [0x74, 0x72, 0x75, 0x65], .true)
        case 0x66: try parseLiteral(b, &i, [0x66, 0x61, 0x6C, 0x73, 0x65], .false)
        case 0x6E: try parseLiteral(b, &i, [0x6E, 0x75, 0x6C, 0x6C], .null)
        case 0x2D, 0x30...0x39: try parseNumber(b, &i)
        default: throw Fault(offset: i, message: "expected a value, found \(Self.describe(b, i))")
        }
    }

    private mutating func checkDepth(_ depth: Int, _ offset: Int) throws(Fault) {
        guard depth <= maxDepth else {
            throw Fault(offset: offset, message: "JSON nested deeper than \(maxDepth) levels", isDepthLimit: true)
        }
    }

    private mutating func parseObject(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, depth: Int) throws(Fault) {
        try checkDepth(depth, i)
        let index = tape.tokens.count
        tape.tokens.append(JSONToken(kind: .object, start: i, end: i))
        i += 1
        skipWhitespace(b, &i)
        var count = 0
        if i < b.count && b[i] == 0x7D {
            i += 1
        } else {
            while true {
                skipWhitespace(b, &i)
                guard i < b.count && b[i] == 0x22 else {
                    let wanted = count == 0 ? "a string key or '}'" : "a string key"
                    throw Fault(offset: i, message: "expected \(wanted), found \(Self.describe(b, i))")
                }
                try parseString(b, &i)
                skipWhitespace(b, &i)
                guard i < b.count && b[i] == 0x3A else {
                    throw Fault(offset: i, message: "expected ':' after an object key, found \(Self.describe(b, i))")
                }
                i += 1
                try parseValue(b, &i, depth: depth)
                count += 1
                if try consumeSeparator(b, &i, close: 0x7D, after: "'}' after an object member") { break }
            }
        }
        tape.tokens[index].count = count
        tape.tokens[index].next = tape.tokens.count
        tape.tokens[index].end = i
    }

    /// After a member or element: skips whitespace, then consumes a ',' (returns `false`) or the
    /// closing bracket `close` (returns `true`); anything else is a fault naming `after`.
    private func consumeSeparator(
        _ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, close: UInt8, after: String
    ) throws(Fault) -> Bool {
        skipWhitespace(b, &i)
        guard i < b.count else {
            throw Fault(offset: i, message: "expected ',' or \(after), found end of input")
        }
        if b[i] == 0x2C {
            i += 1
            return false
        }
        if b[i] == close {
            i += 1
            return true
        }
        throw Fault(offset: i, message: "expected ',' or \(after), found \(Self.describe(b, i))")
    }

    private mutating func parseArray(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, depth: Int) throws(Fault) {
        try checkDepth(depth, i)
        let index = tape.tokens.count
        tape.tokens.append(JSONToken(kind: .array, start: i, end: i))
        i += 1
        skipWhitespace(b, &i)
        var count = 0
        if i < b.count && b[i] == 0x5D {
            i += 1
        } else {
            while true {
                try parseValue(b, &i, depth: depth)
                count += 1
                if try consumeSeparator(b, &i, close: 0x5D, after: "']' after an array element") { break }
            }
        }
        tape.tokens[index].count = count
        tape.tokens[index].next = tape.tokens.count
        tape.tokens[index].end = i
    }

    private mutating func parseLiteral(
        _ b: UnsafeBufferPointer<UInt8>,
        _ i: inout Int,
        _ word: [UInt8],
        _ kind: JSONToken.Kind
    ) throws(Fault) {
        guard i + word.count <= b.count, b[i..<(i + word.count)].elementsEqual(word) else {
            throw Fault(offset: i, message: "expected a value, found \(Self.describe(b, i))")
        }
        tape.tokens.append(JSONToken(kind: kind, start: i, end: i + word.count))
        i += word.count
    }

    private mutating func parseNumber(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(Fault) {
        let start = i
        let n = b.count
        @inline(__always) func isDigit(_ k: Int) -> Bool { k < n && b[k] &- 0x30 < 10 }
        if b[i] == 0x2D { i += 1 }
        guard isDigit(i) else { throw Fault(offset: i, message: "expected a digit after '-', found \(Self.describe(b, i))") }
        if b[i] == 0x30 {
            i += 1
            if isDigit(i) { throw Fault(offset: start, message: "numbers cannot have leading zeros") }
        } else {
            while isDigit(i) { i += 1 }
        }
        var integer = true
        if i < n && b[i] == 0x2E {
            integer = false
            i += 1
            guard isDigit(i) else { throw Fault(offset: i, message: "expected a digit after '.', found \(Self.describe(b, i))") }
            while isDigit(i) { i += 1 }
        }
        if i < n && b[i] | 0x20 == 0x65 {
            integer = false
            i += 1
            if i < n && (b[i] == 0x2B || b[i] == 0x2D) { i += 1 }
            guard isDigit(i) else {
                throw Fault(offset: i, message: "expected a digit in the exponent, found \(Self.describe(b, i))")
            }
            while isDigit(i) { i += 1 }
        }
        tape.tokens.append(JSONToken(kind: .number, integer: integer, start: start, end: i))
    }
}
