extension JSONParser {
    /// Parses a string starting at the opening quote `b[i]`. Text without escapes stays in the
    /// input; text with escapes is decoded into the tape's arena.
    mutating func parseString(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(Fault) {
        i += 1
        let start = i
        let n = b.count
        while i < n {
            let c = b[i]
            if c == 0x22 || c == 0x5C || c < 0x20 || c >= 0x80 { break }
            i += 1
        }
        if i < n && b[i] == 0x22 {
            tape.tokens.append(JSONToken(kind: .string, start: start, end: i))
            i += 1
            return
        }
        var escaped = false
        var segment = start
        let arenaStart = tape.arena.count
        while true {
            guard i < n else { throw Fault(offset: i, message: "expected '\"' to close the string, found end of input") }
            let c = b[i]
            if c == 0x22 { break }
            if c == 0x5C {
                escaped = true
                tape.arena.append(contentsOf: UnsafeBufferPointer(rebasing: b[segment..<i]))
                try decodeEscape(b, &i)
                segment = i
            } else if c < 0x20 {
                let hex = (c < 16 ? "0" : "") + String(c, radix: 16, uppercase: true)
                throw Fault(offset: i, message: "control character U+00\(hex) must be escaped in a string")
            } else if c >= 0x80 {
                guard let length = JSONEscaping.sequenceLength(UnsafeRawBufferPointer(b), i) else {
                    throw Fault(offset: i, message: "invalid UTF-8 byte 0x\(String(c, radix: 16)) in a string")
                }
                i += length
            } else {
                i += 1
            }
        }
        if escaped {
            tape.arena.append(contentsOf: UnsafeBufferPointer(rebasing: b[segment..<i]))
            tape.tokens.append(JSONToken(kind: .string, escaped: true, start: arenaStart, end: tape.arena.count))
        } else {
            tape.tokens.append(JSONToken(kind: .string, start: start, end: i))
        }
        i += 1
    }

    /// Decodes the escape at `b[i]` (a backslash) into the arena and moves past it.
    private mutating func decodeEscape(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(Fault) {
        guard i + 1 < b.count else { throw Fault(offset: i, message: "expected an escape after '\\', found end of input") }
        let replacement: UInt8
        switch b[i + 1] {
        case 0x22: replacement = 0x22
        case 0x5C: replacement = 0x5C
        case 0x2F: replacement = 0x2F
        case 0x62: replacement = 0x08
        case 0x66: replacement = 0x0C
        case 0x6E: replacement = 0x0A
        case 0x72: replacement = 0x0D
        case 0x74: replacement = 0x09
        case 0x75:
            try decodeUnicodeEscape(b, &i)
            return
        default:
            throw Fault(offset: i, message: "invalid escape '\\\(Self.describe(b, i + 1).trimmingQuotes)' in a string")
        }
        tape.arena.append(replacement)
        i += 2
    }

    private func hexQuad(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32? {
        guard at + 4 <= b.count else { return nil }
        var value: UInt32 = 0
        for k in at..<(at + 4) {
            let c = b[k]
            let digit: UInt32
            switch c {
            case 0x30...0x39: digit = UInt32(c - 0x30)
            case 0x41...0x46: digit = UInt32(c - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(c - 0x61 + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }

    /// Decodes `\uXXXX`, or a surrogate pair `\uD83D\uDE00`, at `b[i]`.
    private mutating func decodeUnicodeEscape(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(Fault) {
        guard let unit = hexQuad(b, i + 2) else {
            throw Fault(offset: i, message: "expected four hex digits after '\\u'")
        }
        var scalar = unit
        var length = 6
        if (0xD800...0xDBFF).contains(unit) {
            guard i + 7 < b.count, b[i + 6] == 0x5C, b[i + 7] == 0x75, let low = hexQuad(b, i + 8),
                (0xDC00...0xDFFF).contains(low)
            else {
                throw Fault(offset: i, message: "unpaired surrogate \\u\(String(unit, radix: 16, uppercase: true)) in a string")
            }
            scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            length = 12
        } else if (0xDC00...0xDFFF).contains(unit) {
            throw Fault(offset: i, message: "unpaired surrogate \\u\(String(unit, radix: 16, uppercase: true)) in a string")
        }
        tape.arena.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
        i += length
    }
}

extension String {
    /// The text without the single quotes ``JSONParser/describe(_:_:)`` puts around a character.
    fileprivate var trimmingQuotes: String {
        hasPrefix("'") && hasSuffix("'") && count > 2 ? String(dropFirst().dropLast()) : self
    }
}
