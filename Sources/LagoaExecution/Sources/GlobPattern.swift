/// A shell-style path pattern over `/`-separated keys: `*` (any run of characters within one
/// segment), `**` (any run of whole segments, including none), `?` (one character other than `/`),
/// `[abc]`, `[a-z]` and `[!abc]` (one character of, or not of, a set).
struct GlobPattern: Sendable, CustomStringConvertible {
    let text: String
    private let segments: [[Token]]

    private enum Token: Sendable, Equatable {
        case literal(Character)
        case any
        case star
        case set([ClosedRange<Character>], negated: Bool)
    }

    /// Parses `text`; an unclosed `[` is taken literally.
    init(_ text: String) {
        self.text = text
        segments = text.split(separator: "/", omittingEmptySubsequences: true).map { Self.tokens(Array($0)) }
    }

    var description: String { text }

    /// Whether the pattern has any wildcard.
    var hasWildcards: Bool { text.contains { "*?[".contains($0) } }

    /// The leading wildcard-free segments: listing can start there.
    var literalPrefix: String {
        var out: [String] = []
        for segment in text.split(separator: "/", omittingEmptySubsequences: true) {
            if segment.contains(where: { "*?[".contains($0) }) { break }
            out.append(String(segment))
        }
        return out.joined(separator: "/")
    }

    /// Whether `path` (a `/`-separated key) matches the whole pattern.
    /// - Complexity: O(segments × key segments) for `**`, linear otherwise.
    func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0) }
        return Self.match(segments[...], parts[...])
    }

    private static func match(_ pattern: ArraySlice<[Token]>, _ path: ArraySlice<[Character]>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == [.star, .star] {
            // `**`: zero or more whole segments.
            var rest = path
            while true {
                if match(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
        guard let segment = path.first, matchSegment(first[...], segment[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchSegment(_ tokens: ArraySlice<Token>, _ chars: ArraySlice<Character>) -> Bool {
        guard let token = tokens.first else { return chars.isEmpty }
        switch token {
        case .star:
            var rest = chars
            while true {
                if matchSegment(tokens.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        case .any:
            guard !chars.isEmpty else { return false }
            return matchSegment(tokens.dropFirst(), chars.dropFirst())
        case .literal(let c):
            guard chars.first == c else { return false }
            return matchSegment(tokens.dropFirst(), chars.dropFirst())
        case .set(let ranges, let negated):
            guard let c = chars.first else { return false }
            guard ranges.contains(where: { $0.contains(c) }) != negated else { return false }
            return matchSegment(tokens.dropFirst(), chars.dropFirst())
        }
    }

    private static func tokens(_ chars: [Character]) -> [Token] {
        var out: [Token] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "*": out.append(.star)
            case "?": out.append(.any)
            case "[":
                if let (token, next) = set(chars, from: i) {
                    out.append(token)
                    i = next
                    continue
                }
                out.append(.literal(c))
            default: out.append(.literal(c))
            }
            i += 1
        }
        return out
    }

    /// Parses `[...]` starting at `start`; returns the token and the index after `]`.
    private static func set(_ chars: [Character], from start: Int) -> (Token, Int)? {
        var i = start + 1
        var negated = false
        if i < chars.count, chars[i] == "!" || chars[i] == "^" {
            negated = true
            i += 1
        }
        var ranges: [ClosedRange<Character>] = []
        var first = true
        while i < chars.count {
            let c = chars[i]
            if c == "]" && !first { return (.set(ranges, negated: negated), i + 1) }
            first = false
            if i + 2 < chars.count, chars[i + 1] == "-", chars[i + 2] != "]", c <= chars[i + 2] {
                ranges.append(c...chars[i + 2])
                i += 3
            } else {
                ranges.append(c...c)
                i += 1
            }
        }
        return nil
    }
}
