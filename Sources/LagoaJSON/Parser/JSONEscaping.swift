/// UTF-8 validation and JSON string escaping shared by the parser and the writers.
enum JSONEscaping {
    /// The length of the valid UTF-8 sequence starting with non-ASCII byte `bytes[i]`, or `nil` when
    /// it is invalid (bad lead or continuation byte, overlong form, surrogate, beyond U+10FFFF,
    /// truncated).
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeRawBufferPointer, _ i: Int) -> Int? {
        let lead = bytes[i]
        let n = bytes.count
        @inline(__always) func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            i + k < n && bytes[i + k] >= low && bytes[i + k] <= high
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : nil
        case 0xE0:
            return continuation(1, 0xA0) && continuation(2) ? 3 : nil
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : nil
        case 0xE1...0xEF:
            return continuation(1) && continuation(2) ? 3 : nil
        case 0xF0:
            return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : nil
        default:
            return nil
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `bytes` as a quoted JSON string: `"` and `\` and control characters escaped
    /// (`\n`, `\r`, `\t`, `\b`, `\f`, else `\u00XX`), other characters as UTF-8; invalid UTF-8 is
    /// replaced with U+FFFD so the output is always valid JSON.
    /// - Complexity: O(n).
    static func appendString(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        out.append(0x22)
        var i = 0
        var run = 0
        let n = bytes.count
        while i < n {
            let c = bytes[i]
            if c >= 0x20 && c != 0x22 && c != 0x5C && c < 0x80 {
                i += 1
                continue
            }
            if c >= 0x80, let length = sequenceLength(bytes, i) {
                i += length
                continue
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[run..<i]))
            switch c {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0x08: out.append(contentsOf: [0x5C, 0x62])
            case 0x0C: out.append(contentsOf: [0x5C, 0x66])
            case 0..<0x20: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 15)]])
            default: out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            }
            i += 1
            run = i
        }
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[run..<n]))
        out.append(0x22)
    }

    /// Appends `text` as a quoted JSON string.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString(UnsafeRawBufferPointer($0), to: &out) }
    }
}
