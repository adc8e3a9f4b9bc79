extension Parser {
    /// Keywords offered as near-miss suggestions when no narrower list applies.
    static let suggestedKeywords = [
        "select", "from", "where", "group", "having", "order", "limit", "offset", "union", "intersect", "except",
        "join", "inner", "left", "right", "full", "cross", "natural", "on", "using", "as", "and", "or", "not", "in",
        "is", "null", "like", "ilike", "between", "case", "when", "then", "else", "end", "distinct", "with", "values",
        "insert", "into", "update", "delete", "set", "merge", "matched", "create", "table", "view", "drop", "alter",
        "explain", "describe", "window", "qualify", "partition", "over", "by", "asc", "desc",
    ]

    /// An error at the current token: `expected <what>, found <token>`, with a `did you mean …?`
    /// hint when the token is a word close to one of `keywords` (or to any common keyword).
    func unexpected(_ what: String, keywords: [String] = []) -> SQLSyntaxError {
        var what = what
        var candidates = keywords
        if what == "end of statement", expectedKeywordIndex == index, let keyword = expectedKeyword {
            what = "\(keyword.uppercased()) or end of statement"
            candidates.append(keyword)
        }
        let token = current
        if token.kind == .end {
            return SQLSyntaxError(.unexpectedEnd, "unexpected end of input, expected \(what)", span: token.span, in: text)
        }
        var hint: String?
        if token.kind == .word, !Keywords.isReserved(token.text) || !candidates.isEmpty {
            let pool = candidates.isEmpty ? Self.suggestedKeywords : candidates
            if let suggestion = Self.nearestKeyword(to: token.text, in: pool) {
                hint = "did you mean \(suggestion.uppercased())?"
            }
        }
        return SQLSyntaxError(.unexpectedToken, "expected \(what), found \(describe(token))", span: token.span, in: text, hint: hint)
    }

    /// How a token reads in a message: `keyword FROM`, `identifier "FORM"`, `string 'x'`, `number 12`, `")"`.
    func describe(_ token: Token) -> String {
        let source = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
        switch token.kind {
        case .word:
            return Keywords.isReserved(token.text) ? "keyword \(token.text.uppercased())" : "identifier \"\(source)\""
        case .quotedIdentifier: return "identifier \(source)"
        case .string: return "string \(Self.truncated(source))"
        case .integer, .decimal, .float: return "number \(source)"
        case .symbol(let symbol): return "\"\(symbol.rawValue)\""
        case .end: return "end of input"
        }
    }

    private static func truncated(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(37)) + "..."
    }

    /// The keyword within edit distance 2 (and less than the word's length) of `word`, if any.
    static func nearestKeyword(to word: String, in keywords: [String]) -> String? {
        let target = Array(word.utf8)
        guard target.count >= 2, target.count <= 20 else { return nil }
        var best: (keyword: String, distance: Int)?
        for keyword in keywords where keyword != word {
            let distance = editDistance(target, Array(keyword.utf8))
            if distance <= 2 && distance < target.count - 1 && (best == nil || distance < best!.distance) {
                best = (keyword, distance)
            }
        }
        return best?.keyword
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                row[j] = value
            }
            (previous2, previous, row) = (previous, row, previous2)
        }
        return previous[b.count]
    }
}
