/// A compiled SQL `LIKE` pattern over UTF-8 bytes: `%` any run, `_` one character, an optional
/// escape character. Common shapes (`abc`, `abc%`, `%abc`, `%abc%`) take fast paths.
struct LikeMatcher: Sendable {
    enum Token: Sendable, Equatable {
        case literal([UInt8])
        case any  // %
        case one  // _
    }

    enum Shape: Sendable {
        case exact([UInt8])
        case prefix([UInt8])
        case suffix([UInt8])
        case contains([UInt8])
        case general
    }

    let tokens: [Token]
    let shape: Shape

    init(pattern: String, escape: Character?) {
        var tokens: [Token] = []
        var literal: [UInt8] = []
        var escaping = false
        func flush() {
            if !literal.isEmpty { tokens.append(.literal(literal)) }
            literal = []
        }
        for ch in pattern {
            if escaping {
                literal.append(contentsOf: Array(String(ch).utf8))
                escaping = false
            } else if let escape, ch == escape {
                escaping = true
            } else if ch == "%" {
                flush()
                if tokens.last != .any { tokens.append(.any) }
            } else if ch == "_" {
                flush()
                tokens.append(.one)
            } else {
                literal.append(contentsOf: Array(String(ch).utf8))
            }
        }
        flush()
        self.tokens = tokens
        shape = Self.classify(tokens)
    }

    private static func classify(_ tokens: [Token]) -> Shape {
        func literal(_ t: Token) -> [UInt8]? {
            if case .literal(let l) = t { return l }
            return nil
        }
        if tokens.isEmpty { return .exact([]) }
        if tokens == [.any] { return .prefix([]) }
        if tokens.count == 1, let l = literal(tokens[0]) { return .exact(l) }
        if tokens.count == 2, let l = literal(tokens[0]), tokens[1] == .any { return .prefix(l) }
        if tokens.count == 2, tokens[0] == .any, let l = literal(tokens[1]) { return .suffix(l) }
        if tokens.count == 3, tokens[0] == .any, let l = literal(tokens[1]), tokens[2] == .any { return .contains(l) }
        return .general
    }

    func matches(_ s: UnsafeRawBufferPointer) -> Bool {
        let bytes = UnsafeBufferPointer(start: s.baseAddress?.assumingMemoryBound(to: UInt8.self), count: s.count)
        switch shape {
        case .exact(let l): return bytes.count == l.count && bytes.elementsEqual(l)
        case .prefix(let l): return bytes.count >= l.count && Self.equal(bytes, 0, l)
        case .suffix(let l): return bytes.count >= l.count && Self.equal(bytes, bytes.count - l.count, l)
        case .contains(let l): return Self.find(bytes, l, from: 0) != nil
        case .general: return match(bytes, 0, 0)
        }
    }

    @inline(__always)
    static func equal(_ s: UnsafeBufferPointer<UInt8>, _ at: Int, _ l: [UInt8]) -> Bool {
        for k in 0..<l.count where s[at + k] != l[k] { return false }
        return true
    }

    static func find(_ s: UnsafeBufferPointer<UInt8>, _ l: [UInt8], from: Int) -> Int? {
        if l.isEmpty { return from }
        guard s.count >= l.count else { return nil }
        var i = from
        let first = l[0]
        while i + l.count <= s.count {
            if s[i] == first && equal(s, i, l) { return i }
            i += 1
        }
        return nil
    }

    /// Length of the UTF-8 character starting with `byte`.
    @inline(__always)
    static func characterLength(_ byte: UInt8) -> Int {
        byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
    }

    private func match(_ s: UnsafeBufferPointer<UInt8>, _ si: Int, _ ti: Int) -> Bool {
        var si = si
        var ti = ti
        while ti < tokens.count {
            switch tokens[ti] {
            case .literal(let l):
                guard si + l.count <= s.count, Self.equal(s, si, l) else { return false }
                si += l.count
            case .one:
                guard si < s.count else { return false }
                si += Self.characterLength(s[si])
            case .any:
                if ti == tokens.count - 1 { return true }
                // Try every position; a following literal narrows candidates.
                var start = si
                while start <= s.count {
                    if case .literal(let l) = tokens[ti + 1] {
                        guard let found = Self.find(s, l, from: start) else { return false }
                        start = found
                    }
                    if match(s, start, ti + 1) { return true }
                    if start >= s.count { return false }
                    start += Self.characterLength(s[start])
                }
                return false
            }
            ti += 1
        }
        return si == s.count
    }
}
