import LagoaColumnar

/// `like`, `ilike` (function forms of the operators) and the regular-expression functions, which
/// use the standard library's `Regex` (no Foundation).
enum PatternFunctions {
    static var all: [(RowScalarFunction, [String])] {
        [
            (like("like", caseInsensitive: false), ["~~"]),
            (like("ilike", caseInsensitive: true), ["~~*"]),
            (RowScalarFunction(name: "regexp_matches", binder: Bind.strings("regexp_matches", 2...3, returns: .boolean)) { v, _ in
                .bool(try v[0].text.contains(regex(v[1].text, v.count > 2 ? v[2].text : "")))
            }, []),
            (RowScalarFunction(name: "regexp_replace", binder: Bind.strings("regexp_replace", 3...4, returns: .string)) { v, _ in
                let options = v.count > 3 ? v[3].text : ""
                let r = try regex(v[1].text, options)
                let replacement = v[2].text
                if options.contains("g") { return .string(v[0].text.replacing(r, with: { substitute(replacement, $0) })) }
                return .string(v[0].text.replacing(r, maxReplacements: 1, with: { substitute(replacement, $0) }))
            }, []),
            (RowScalarFunction(name: "regexp_extract", binder: { types in
                guard (2...3).contains(types.count) else { throw Bind.fail("regexp_extract", types, expected: "string, pattern [, group]") }
                return FunctionSignature(argumentTypes: [.string, .string] + (types.count == 3 ? [.int64] : []), returnType: .string)
            }) { v, _ in
                guard let match = try regex(v[1].text, "").firstMatch(in: v[0].text) else { return .string("") }
                let group = v.count > 2 ? Int(v[2].integer) : 0
                guard group < match.output.count, let sub = match.output[group].substring else { return .string("") }
                return .string(String(sub))
            }, []),
        ]
    }

    static func like(_ name: String, caseInsensitive: Bool) -> RowScalarFunction {
        RowScalarFunction(name: name, binder: Bind.strings(name, 2...3, returns: .boolean)) { v, _ in
            let escape = v.count > 2 ? v[2].text.first : nil
            return .bool(LikePattern(v[1].text, escape: escape, caseInsensitive: caseInsensitive).matches(v[0].text))
        }
    }

    static func regex(_ pattern: String, _ options: String) throws -> Regex<AnyRegexOutput> {
        do {
            var r = try Regex(pattern)
            if options.contains("i") { r = r.ignoresCase() }
            return r
        } catch {
            throw FunctionError(.invalidValue, "invalid regular expression '\(pattern)': \(error)", cause: error)
        }
    }

    /// Expands `\1`…`\9` and `\0` in a replacement.
    static func substitute(_ replacement: String, _ match: Regex<AnyRegexOutput>.Match) -> String {
        guard replacement.contains("\\") else { return replacement }
        var out = ""
        var iterator = replacement.makeIterator()
        while let ch = iterator.next() {
            if ch == "\\", let next = iterator.next() {
                if let k = next.wholeNumberValue, k < match.output.count {
                    out += match.output[k].substring.map(String.init) ?? ""
                } else {
                    out.append(next)
                }
            } else {
                out.append(ch)
            }
        }
        return out
    }
}
