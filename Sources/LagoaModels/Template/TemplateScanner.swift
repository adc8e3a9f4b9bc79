import LagoaFunctions

/// The byte-level parser behind ``ModelTemplate``: text, `{{ expr }}`, `{% tag %}`, `{# … #}`.
struct TemplateScanner {
    let bytes: [UInt8]
    let path: String
    var index = 0

    init(_ bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    /// Parts up to the end, or up to one of the `stops` tags (`else`, `endif`), which it returns.
    mutating func parts(until stops: Set<String>) throws(ModelError) -> ([ModelTemplate.Part], String?) {
        var parts: [ModelTemplate.Part] = []
        var text: [UInt8] = []
        func flush() {
            if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
            text = []
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count else {
                text.append(bytes[index])
                index += 1
                continue
            }
            let start = index
            switch bytes[index + 1] {
            case UInt8(ascii: "{"):
                flush()
                parts.append(try expression(try body(start, close: "}}"), start))
            case UInt8(ascii: "%"):
                flush()
                let tag = String(try body(start, close: "%}").trimmingSpaces())
                if stops.contains(tag) { return (parts, tag) }
                if tag == "else" || tag == "endif" {
                    throw error("{% \(tag) %} without a matching {% if is_incremental() %}", at: start)
                }
                parts.append(try statement(tag, start))
            case UInt8(ascii: "#"):
                flush()
                _ = try body(start, close: "#}")
            default:
                text.append(bytes[index])
                index += 1
            }
        }
        flush()
        return (parts, nil)
    }

    /// The text between `{x` at `start` and `close`; moves past `close`.
    private mutating func body(_ start: Int, close: String) throws(ModelError) -> String {
        let closing = Array(close.utf8)
        var i = start + 2
        while i + 1 < bytes.count {
            if bytes[i] == closing[0] && bytes[i + 1] == closing[1] {
                index = i + 2
                return String(decoding: bytes[(start + 2)..<i], as: UTF8.self)
            }
            i += 1
        }
        let open = String(decoding: bytes[start..<(start + 2)], as: UTF8.self)
        throw error("\(open) is never closed; end it with \(close)", at: start)
    }

    private func expression(_ raw: String, _ start: Int) throws(ModelError) -> ModelTemplate.Part {
        let text = String(raw.trimmingSpaces())
        if text == "this" { return .this }
        if let arguments = Self.call(text, "ref") {
            guard arguments.count == 1 else { throw error("ref() takes one model name: {{ ref('customers') }}", at: start) }
            return .ref(arguments[0])
        }
        if let arguments = Self.call(text, "source") {
            guard arguments.count == 2 else { throw error("source() takes a source and a table: {{ source('crm', 'orders') }}", at: start) }
            return .source(arguments[0], arguments[1])
        }
        throw error("unknown template expression {{ \(text) }}; use {{ ref('model') }}, {{ source('src', 'table') }} or {{ this }}", at: start)
    }

    private mutating func statement(_ tag: String, _ start: Int) throws(ModelError) -> ModelTemplate.Part {
        let words = tag.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        guard words == "if is_incremental()" else {
            throw error("unknown template tag {% \(tag) %}; Lagoa models support {% if is_incremental() %} … {% else %} … {% endif %}", at: start)
        }
        let (then, end) = try parts(until: ["else", "endif"])
        switch end {
        case "else":
            let (otherwise, close) = try parts(until: ["endif"])
            guard close == "endif" else { throw error("{% if is_incremental() %} is never closed; add {% endif %}", at: start) }
            return .ifIncremental(then, otherwise)
        case "endif":
            return .ifIncremental(then, [])
        default:
            throw error("{% if is_incremental() %} is never closed; add {% endif %}", at: start)
        }
    }

    /// The quoted string arguments of `name('a', "b")`, or `nil` when `text` is not that call.
    static func call(_ text: String, _ name: String) -> [String]? {
        guard text.hasPrefix(name) else { return nil }
        var rest = String(String(text.dropFirst(name.count)).trimmingSpaces())
        guard rest.hasPrefix("("), rest.hasSuffix(")") else { return nil }
        rest = String(rest.dropFirst().dropLast())
        var arguments: [String] = []
        for piece in rest.split(separator: ",", omittingEmptySubsequences: false) {
            let argument = String(piece).trimmingSpaces()
            guard argument.count >= 2, let quote = argument.first, quote == "'" || quote == "\"", argument.last == quote else { return [] }
            let value = String(argument.dropFirst().dropLast())
            guard !value.isEmpty, !value.contains(quote) else { return [] }
            arguments.append(value)
        }
        return arguments
    }

    /// An error at byte `offset`, as `path:line:column`.
    func error(_ message: String, at offset: Int) -> ModelError {
        var line = 1
        var column = 1
        for b in bytes[..<min(offset, bytes.count)] {
            if b == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return ModelError(.template, message, location: "\(path):\(line):\(column)")
    }
}
