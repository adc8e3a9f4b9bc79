import LagoaColumnar
/// A generic JSON value, for small documents (metadata, configuration, tests); bulk data goes through
/// ``JSONLinesReader`` instead.
///
/// Numbers stay exact: integer literals within Int64 are ``int(_:)``; every other number (with a
/// fraction or exponent, or beyond Int64) keeps its literal text in ``number(_:)``.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    /// A number that is not an Int64 integer, as its exact literal text (e.g. `1.50`, `1e400`).
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in document order; duplicate keys are kept.
    case object(keys: [String], values: [JSONValue])

    /// Parses one JSON document (UTF-8), strictly per RFC 8259.
    /// - Parameters:
    ///   - bytes: the UTF-8 text; whitespace may surround the value.
    ///   - maxDepth: how deeply arrays and objects may nest.
    /// - Throws: ``JSONError`` with code ``JSONError/Code/syntax`` (or
    ///   ``JSONError/Code/resourceLimit`` past `maxDepth`) naming the line and byte column, e.g.
    ///   `line 2, column 5: expected ':' after an object key, found '}'`.
    /// - Complexity: O(n).
    public init(parsing bytes: [UInt8], maxDepth: Int = 128) throws(JSONError) {
        var parser = JSONParser(maxDepth: maxDepth)
        self = try bytes.withUnsafeBufferPointer { (input) throws(JSONError) -> JSONValue in
            do throws(JSONParser.Fault) {
                try parser.parse(input)
            } catch {
                var line = 1
                var lineStart = 0
                for k in 0..<min(error.offset, input.count) where input[k] == 0x0A {
                    line += 1
                    lineStart = k + 1
                }
                let code: JSONError.Code = error.isDepthLimit ? .resourceLimit : .syntax
                throw JSONError(code, "line \(line), column \(error.offset - lineStart + 1): \(error.message)")
            }
            return parser.tape.withView(input: input) { view in Self.build(view, 0) }
        }
    }

    /// Parses one JSON document from a string.
    /// - Throws: ``JSONError`` as ``init(parsing:maxDepth:)-([UInt8],_)`` does.
    public init(parsing text: String, maxDepth: Int = 128) throws(JSONError) {
        try self.init(parsing: Array(text.utf8), maxDepth: maxDepth)
    }

    private static func build(_ view: JSONTapeView, _ t: Int) -> JSONValue {
        let token = view.tokens[t]
        switch token.kind {
        case .null: return .null
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .number:
            let text = view.text(t)
            if token.integer, let v = TextParsing.parseInt64(text) { return .int(v) }
            return .number(String(decoding: text, as: UTF8.self))
        case .string:
            return .string(String(decoding: view.text(t), as: UTF8.self))
        case .array:
            var items: [JSONValue] = []
            items.reserveCapacity(token.count)
            var child = t + 1
            for _ in 0..<token.count {
                items.append(build(view, child))
                child = view.after(child)
            }
            return .array(items)
        case .object:
            var keys: [String] = []
            var values: [JSONValue] = []
            var member = t + 1
            for _ in 0..<token.count {
                keys.append(String(decoding: view.text(member), as: UTF8.self))
                values.append(build(view, member + 1))
                member = view.after(member + 1)
            }
            return .object(keys: keys, values: values)
        }
    }

    /// The value of the first member named `key`, for objects.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let keys, let values) = self, let index = keys.firstIndex(of: key) else { return nil }
        return values[index]
    }

    /// The value as a Double, for numbers.
    public var doubleValue: Double? {
        switch self {
        case .int(let v): Double(v)
        case .number(let text): Double(text)
        default: nil
        }
    }

    /// Compact JSON text (no whitespace), strings escaped as ``JSONLinesWriter`` does.
    public var text: String {
        var out: [UInt8] = []
        append(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func append(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let v): out.append(contentsOf: String(v).utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .string(let s): JSONEscaping.appendString(s, to: &out)
        case .array(let items):
            out.append(0x5B)
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(0x2C) }
                item.append(to: &out)
            }
            out.append(0x5D)
        case .object(let keys, let values):
            out.append(0x7B)
            for (k, (key, value)) in zip(keys, values).enumerated() {
                if k > 0 { out.append(0x2C) }
                JSONEscaping.appendString(key, to: &out)
                out.append(0x3A)
                value.append(to: &out)
            }
            out.append(0x7D)
        }
    }
}
