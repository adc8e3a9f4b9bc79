public import LagoaColumnar

/// A compiled SQL `LIKE` / `ILIKE` pattern (`%` any run, `_` one character, optional escape).
/// Compiled once per query; the common shapes (`abc`, `abc%`, `%abc`, `%abc%`) match with byte
/// comparisons, the rest with a backtracking matcher over Unicode scalars.
public struct LikePattern: Sendable {
    enum Shape: Sendable, Equatable {
        case exact([UInt8]), prefix([UInt8]), suffix([UInt8]), contains([UInt8]), general
    }

    enum Token: Sendable, Equatable { case literal(Unicode.Scalar), one, any }

    let shape: Shape
    let tokens: [Token]
    public let caseInsensitive: Bool

    /// Compiles `pattern`; `escape` makes the next `%`, `_` or escape character literal.
    public init(_ pattern: String, escape: Character? = nil, caseInsensitive: Bool = false) {
        self.caseInsensitive = caseInsensitive
        let source = caseInsensitive ? pattern.lowercased() : pattern
        var tokens: [Token] = []
        var escaped = false
        let escapeScalar = escape.flatMap { $0.unicodeScalars.first }
        for scalar in source.unicodeScalars {
            if escaped {
                tokens.append(.literal(scalar))
                escaped = false
            } else if scalar == escapeScalar {
                escaped = true
            } else if scalar == "%" {
                if tokens.last != .any { tokens.append(.any) }
            } else if scalar == "_" {
                tokens.append(.one)
            } else {
                tokens.append(.literal(scalar))
            }
        }
        self.tokens = tokens
        func literalBytes(_ slice: ArraySlice<Token>) -> [UInt8]? {
            var view = String.UnicodeScalarView()
            for token in slice {
                guard case .literal(let s) = token else { return nil }
                view.append(s)
            }
            return Array(String(view).utf8)
        }
        let first = tokens.first == .any, last = tokens.last == .any && tokens.count > 1
        let inner = tokens[(first ? 1 : 0)..<(tokens.count - (last ? 1 : 0))]
        if caseInsensitive {
            shape = .general
        } else if let bytes = literalBytes(inner) {
            shape = first && last ? .contains(bytes) : first ? .suffix(bytes) : last ? .prefix(bytes) : .exact(bytes)
        } else {
            shape = .general
        }
    }

    /// Whether `text` matches the whole pattern.
    public func matches(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { matches(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Whether the UTF-8 `bytes` match the whole pattern.
    public func matches(bytes: UnsafeRawBufferPointer) -> Bool {
        switch shape {
        case .exact(let p): return bytes.elementsEqual(p)
        case .prefix(let p): return bytes.count >= p.count && bytes.prefix(p.count).elementsEqual(p)
        case .suffix(let p): return bytes.count >= p.count && bytes.suffix(p.count).elementsEqual(p)
        case .contains(let p): return Self.find(p, in: bytes)
        case .general:
            var text = String(decoding: bytes, as: UTF8.self)
            if caseInsensitive { text = text.lowercased() }
            return Self.match(tokens[...], Array(text.unicodeScalars)[...])
        }
    }

    private static func find(_ needle: [UInt8], in hay: UnsafeRawBufferPointer) -> Bool {
        if needle.isEmpty { return true }
        guard hay.count >= needle.count else { return false }
        let first = needle[0]
        var i = 0
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    private static func match(_ p: ArraySlice<Token>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        var p = p, s = s
        while let token = p.first {
            switch token {
            case .any:
                let rest = p.dropFirst()
                if rest.isEmpty { return true }
                var tail = s
                while true {
                    if match(rest, tail) { return true }
                    if tail.isEmpty { return false }
                    tail = tail.dropFirst()
                }
            case .one:
                guard !s.isEmpty else { return false }
                s = s.dropFirst()
                p = p.dropFirst()
            case .literal(let c):
                guard s.first == c else { return false }
                s = s.dropFirst()
                p = p.dropFirst()
            }
        }
        return s.isEmpty
    }

    /// Evaluates `column LIKE pattern` for every row into a boolean column (NULL stays NULL).
    public func evaluate(_ column: Column, negated: Bool = false) -> Column {
        let n = column.count
        let bits = Comparison.bits(n) { i in column.isValid(i) && (matches(bytes: column.bytes(at: i)) != negated) }
        return ColumnFactory.boolean(values: bits, validity: Validity.of(column), count: n)
    }
}
