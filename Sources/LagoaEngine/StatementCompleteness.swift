/// Whether a shell buffer holds a finished statement: the last non-blank character outside
/// quotes and comments is `;`.
enum StatementCompleteness {
    static func isComplete(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var i = 0
        var lastSignificant: UInt8 = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "-"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "-") {
                while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            }
            if b == UInt8(ascii: "/"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "*") {
                i += 2
                while i + 1 < bytes.count && !(bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
                if i + 1 >= bytes.count { return false }
                i += 2
                continue
            }
            if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") {
                i += 1
                while i < bytes.count {
                    if bytes[i] == b {
                        if i + 1 < bytes.count && bytes[i + 1] == b { i += 2; continue }
                        break
                    }
                    i += 1
                }
                if i >= bytes.count { return false }
                lastSignificant = b
                i += 1
                continue
            }
            if b != UInt8(ascii: " ") && b != UInt8(ascii: "\n") && b != UInt8(ascii: "\t") && b != UInt8(ascii: "\r") {
                lastSignificant = b
            }
            i += 1
        }
        return lastSignificant == UInt8(ascii: ";")
    }
}
