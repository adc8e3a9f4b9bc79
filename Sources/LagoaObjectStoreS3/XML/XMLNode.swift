/// A parsed XML element: name (namespace prefix removed), child elements and concatenated text.
///
/// Just enough XML for S3's responses (`ListBucketResult`, `Error`, `DeleteResult`, …): elements,
/// attributes (skipped), text with the five named entities and numeric character references,
/// CDATA, comments, the XML declaration and processing instructions. No DTDs.
struct XMLNode: Sendable {
    var name: String
    var children: [XMLNode] = []
    var text: String = ""

    /// The first child element called `name`.
    func child(_ name: String) -> XMLNode? {
        children.first { $0.name == name }
    }

    /// Every child element called `name`.
    func children(_ name: String) -> [XMLNode] {
        children.filter { $0.name == name }
    }

    /// The text of the first child called `name`.
    func text(of name: String) -> String? {
        child(name)?.text
    }

    /// Parses a document and returns its root element.
    static func parse(_ bytes: [UInt8]) throws(XMLParseError) -> XMLNode {
        var parser = XMLParser(bytes: bytes)
        return try parser.document()
    }
}

/// Malformed XML from the server.
struct XMLParseError: Error, CustomStringConvertible {
    var description: String
}

private struct XMLParser {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func document() throws(XMLParseError) -> XMLNode {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw XMLParseError(description: "no root element") }
            if startsWith("<?") {
                try skip(past: "?>")
            } else if startsWith("<!--") {
                try skip(past: "-->")
            } else if startsWith("<!") {
                try skip(past: ">")
            } else if bytes[index] == UInt8(ascii: "<") {
                return try element()
            } else {
                throw error("text before the root element")
            }
        }
    }

    /// Parses `<name attr="…">…</name>` or `<name/>` starting at `<`.
    mutating func element() throws(XMLParseError) -> XMLNode {
        index += 1  // <
        let qualified = readName()
        guard !qualified.isEmpty else { throw error("an element without a name") }
        var node = XMLNode(name: Self.localName(qualified))
        // Attributes: skipped, but quoted values may contain '>' or '/'.
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("end of input inside <\(qualified)>") }
            if bytes[index] == UInt8(ascii: "/") {
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") else { throw error("a stray '/' in <\(qualified)>") }
                index += 2
                return node
            }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                break
            }
            _ = readName()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { throw error("an attribute without a value in <\(qualified)>") }
            index += 1
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw error("an unquoted attribute value in <\(qualified)>")
            }
            let quote = bytes[index]
            index += 1
            while index < bytes.count, bytes[index] != quote { index += 1 }
            index += 1
        }
        var text: [UInt8] = []
        while true {
            guard index < bytes.count else { throw error("end of input inside <\(qualified)>") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                if startsWith("</") {
                    index += 2
                    let closing = readName()
                    guard closing == qualified else { throw error("</\(closing)> closes <\(qualified)>") }
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { throw error("a malformed </\(closing)>") }
                    index += 1
                    node.text = String(decoding: text, as: UTF8.self)
                    return node
                } else if startsWith("<![CDATA[") {
                    index += 9
                    let start = index
                    try skip(past: "]]>")
                    text += bytes[start..<(index - 3)]
                } else if startsWith("<!--") {
                    try skip(past: "-->")
                } else if startsWith("<?") {
                    try skip(past: "?>")
                } else {
                    node.children.append(try element())
                }
            } else if byte == UInt8(ascii: "&") {
                text += try entity()
            } else {
                text.append(byte)
                index += 1
            }
        }
    }

    /// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#NN;` and `&#xHH;` at `&`.
    mutating func entity() throws(XMLParseError) -> [UInt8] {
        guard let end = bytes[index...].firstIndex(of: UInt8(ascii: ";")), end - index <= 12 else {
            throw error("an unterminated entity")
        }
        let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
        index = end + 1
        switch name {
        case "amp": return [UInt8(ascii: "&")]
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        default:
            var value: UInt32?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                value = UInt32(name.dropFirst(2), radix: 16)
            } else if name.hasPrefix("#") {
                value = UInt32(name.dropFirst(), radix: 10)
            }
            guard let value, let scalar = Unicode.Scalar(value) else { throw error("an unknown entity '&\(name);'") }
            return Array(String(Character(scalar)).utf8)
        }
    }

    mutating func readName() -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
            {
                break
            }
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    mutating func skipWhitespace() {
        while index < bytes.count, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[index]) {
            index += 1
        }
    }

    func startsWith(_ literal: String) -> Bool {
        bytes[index...].starts(with: literal.utf8)
    }

    mutating func skip(past literal: String) throws(XMLParseError) {
        let pattern = Array(literal.utf8)
        while index + pattern.count <= bytes.count {
            if bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                index += pattern.count
                return
            }
            index += 1
        }
        throw error("'\(literal)' never comes")
    }

    func error(_ what: String) -> XMLParseError {
        XMLParseError(description: "malformed XML at byte \(index): \(what)")
    }

    static func localName(_ qualified: String) -> String {
        guard let colon = qualified.lastIndex(of: ":") else { return qualified }
        return String(qualified[qualified.index(after: colon)...])
    }
}
