/// Rewrites a JSON document holding one top-level array of objects as JSON lines, so that the
/// JSON-lines reader can read it: each element becomes one line.
enum JSONArrayLines {
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    /// The elements of the array in `bytes`, one per line.
    /// - Throws: ``ExecutionError`` when the array is not closed or has text after it.
    /// - Complexity: O(bytes).
    static func split(_ bytes: [UInt8], name: String) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        // Skip a byte-order mark and whitespace up to '['.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < bytes.count, isSpace(bytes[i]) { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "[") else {
            throw ExecutionError(.invalidData, "\(name): expected a JSON array")
        }
        i += 1
        var depth = 0
        var inString = false
        var escaped = false
        var closed = false
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if inString {
                out.append(b)
                if escaped {
                    escaped = false
                } else if b == UInt8(ascii: "\\") {
                    escaped = true
                } else if b == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch b {
            case UInt8(ascii: "\""):
                inString = true
                out.append(b)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                out.append(b)
            case UInt8(ascii: "}"):
                depth -= 1
                out.append(b)
            case UInt8(ascii: "]"):
                if depth == 0 {
                    closed = true
                } else {
                    depth -= 1
                    out.append(b)
                }
            case UInt8(ascii: ","):
                out.append(depth == 0 ? UInt8(ascii: "\n") : b)
            case 0x0A, 0x0D:
                out.append(UInt8(ascii: " "))
            default:
                out.append(b)
            }
            if closed { break }
        }
        guard closed else { throw ExecutionError(.invalidData, "\(name): the top-level JSON array is not closed") }
        while i < bytes.count {
            guard isSpace(bytes[i]) else { throw ExecutionError(.invalidData, "\(name): text after the top-level JSON array at byte \(i)") }
            i += 1
        }
        out.append(UInt8(ascii: "\n"))
        return out
    }
}
