import LagoaColumnar

/// String functions (`length`, `lower`, `trim`, `substring`, `replace`, `split_part`, `lpad`, …)
/// with DuckDB's semantics; positions count characters (extended grapheme clusters aside, Unicode
/// scalars), 1-based.
enum StringFunctions {
    static var all: [(RowScalarFunction, [String])] {
        [
            (unary("length", returns: .int64) { .int(Int64($0.unicodeScalars.count)) }, ["char_length", "character_length", "len"]),
            (unary("octet_length", returns: .int64) { .int(Int64($0.utf8.count)) }, []),
            (unary("lower", returns: .string) { .string($0.lowercased()) }, ["lcase"]),
            (unary("upper", returns: .string) { .string($0.uppercased()) }, ["ucase"]),
            (unary("reverse", returns: .string) { .string(String(String.UnicodeScalarView($0.unicodeScalars.reversed()))) }, []),
            (trim("trim", left: true, right: true), ["btrim"]),
            (trim("ltrim", left: true, right: false), []),
            (trim("rtrim", left: false, right: true), []),
            (substring(), ["substr"]),
            (RowScalarFunction(name: "strpos", binder: Bind.strings("strpos", 2...2, returns: .int64)) { v, _ in
                .int(position(of: v[1].text, in: v[0].text))
            }, ["instr", "position"]),
            (RowScalarFunction(name: "replace", binder: Bind.strings("replace", 3...3, returns: .string)) { v, _ in
                .string(replaceAll(v[0].text, v[1].text, v[2].text))
            }, []),
            (RowScalarFunction(name: "split_part", binder: Bind.fixed("split_part", [.string, .string, .int64], returns: .string)) { v, _ in
                .string(splitPart(v[0].text, v[1].text, v[2].integer))
            }, []),
            (RowScalarFunction(name: "starts_with", binder: Bind.strings("starts_with", 2...2, returns: .boolean)) { v, _ in
                .bool(v[0].text.utf8.starts(with: v[1].text.utf8))
            }, ["prefix"]),
            (RowScalarFunction(name: "ends_with", binder: Bind.strings("ends_with", 2...2, returns: .boolean)) { v, _ in
                .bool(v[0].text.utf8.reversed().starts(with: v[1].text.utf8.reversed()))
            }, ["suffix"]),
            (RowScalarFunction(name: "contains", binder: Bind.strings("contains", 2...2, returns: .boolean)) { v, _ in
                .bool(position(of: v[1].text, in: v[0].text) > 0)
            }, []),
            (RowScalarFunction(name: "left", binder: Bind.fixed("left", [.string, .int64], returns: .string)) { v, _ in
                let chars = Array(v[0].text.unicodeScalars)
                let n = v[1].integer
                let count = n >= 0 ? min(Int(n), chars.count) : max(0, chars.count + Int(n))
                return .string(scalars(chars[0..<count]))
            }, []),
            (RowScalarFunction(name: "right", binder: Bind.fixed("right", [.string, .int64], returns: .string)) { v, _ in
                let chars = Array(v[0].text.unicodeScalars)
                let n = v[1].integer
                let count = n >= 0 ? min(Int(n), chars.count) : max(0, chars.count + Int(n))
                return .string(scalars(chars[(chars.count - count)...]))
            }, []),
            (RowScalarFunction(name: "repeat", binder: Bind.fixed("repeat", [.string, .int64], returns: .string)) { v, _ in
                let n = v[1].integer
                guard n <= 1_000_000 else { throw FunctionError(.invalidValue, "repeat count \(n) is too large (at most 1000000)") }
                return .string(String(repeating: v[0].text, count: max(0, Int(n))))
            }, []),
            (pad("lpad", left: true), []),
            (pad("rpad", left: false), []),
            (RowScalarFunction(name: "concat", binder: { types in
                guard !types.isEmpty else { throw Bind.fail("concat", types, expected: "value, …") }
                return FunctionSignature(argumentTypes: Array(repeating: .string, count: types.count), returnType: .string)
            }, body: { v, _ in .string(v.filter { !$0.isNull }.map(\.text).joined()) }, propagatesNulls: false), []),
            (RowScalarFunction(name: "concat_ws", binder: { types in
                guard types.count >= 2 else { throw Bind.fail("concat_ws", types, expected: "separator, value, …") }
                return FunctionSignature(argumentTypes: Array(repeating: .string, count: types.count), returnType: .string)
            }, body: { v, _ in
                guard !v[0].isNull else { return .null }
                return .string(v.dropFirst().filter { !$0.isNull }.map(\.text).joined(separator: v[0].text))
            }, propagatesNulls: false), []),
            (unary("md5", returns: .string) { .string(Digest.hex(Digest.md5(Array($0.utf8)))) }, []),
            (unary("sha256", returns: .string) { .string(Digest.hex(Digest.sha256(Array($0.utf8)))) }, []),
            (RowScalarFunction(name: "ascii", binder: Bind.strings("ascii", 1...1, returns: .int64)) { v, _ in
                .int(Int64(v[0].text.unicodeScalars.first?.value ?? 0))
            }, []),
            (RowScalarFunction(name: "chr", binder: Bind.fixed("chr", [.int64], returns: .string)) { v, _ in
                guard let scalar = Unicode.Scalar(UInt32(clamping: v[0].integer)) else {
                    throw FunctionError(.invalidValue, "chr(\(v[0].integer)) is not a valid Unicode code point")
                }
                return .string(String(Character(scalar)))
            }, []),
        ]
    }

    static func unary(_ name: String, returns: DataType, _ f: @escaping @Sendable (String) -> Value) -> RowScalarFunction {
        RowScalarFunction(name: name, binder: Bind.strings(name, 1...1, returns: returns)) { v, _ in f(v[0].text) }
    }

    static func scalars(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s)
        return String(view)
    }

    /// 1-based character position of `needle` in `haystack`, 0 when absent.
    static func position(of needle: String, in haystack: String) -> Int64 {
        if needle.isEmpty { return 1 }
        let h = Array(haystack.unicodeScalars), n = Array(needle.unicodeScalars)
        guard n.count <= h.count else { return 0 }
        for i in 0...(h.count - n.count) where h[i] == n[0] && Array(h[i..<(i + n.count)]) == n {
            return Int64(i + 1)
        }
        return 0
    }

    static func replaceAll(_ s: String, _ target: String, _ replacement: String) -> String {
        guard !target.isEmpty else { return s }
        return s.split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    /// DuckDB's `split_part`: 1-based, negative indices count from the end, out of range gives ''.
    static func splitPart(_ s: String, _ separator: String, _ index: Int64) -> String {
        let parts: [Substring] = separator.isEmpty ? [Substring(s)] : s.split(separator: separator, omittingEmptySubsequences: false)
        let i = index > 0 ? Int(index) - 1 : parts.count + Int(index)
        guard index != 0, i >= 0, i < parts.count else { return "" }
        return String(parts[i])
    }

    static func trim(_ name: String, left: Bool, right: Bool) -> RowScalarFunction {
        RowScalarFunction(name: name, binder: Bind.strings(name, 1...2, returns: .string)) { v, _ in
            let characters = Set(v.count > 1 ? Array(v[1].text.unicodeScalars) : [" "])
            var chars = Array(v[0].text.unicodeScalars)[...]
            while left, let first = chars.first, characters.contains(first) { chars = chars.dropFirst() }
            while right, let last = chars.last, characters.contains(last) { chars = chars.dropLast() }
            return .string(scalars(chars))
        }
    }

    static func pad(_ name: String, left: Bool) -> RowScalarFunction {
        RowScalarFunction(name: name, binder: Bind.fixed(name, [.string, .int64, .string], returns: .string)) { v, _ in
            let chars = Array(v[0].text.unicodeScalars)
            let fill = Array(v[2].text.unicodeScalars)
            let width = max(0, Int(v[1].integer))
            if chars.count >= width { return .string(scalars(chars[0..<width])) }
            guard !fill.isEmpty else { return .string(scalars(chars[...])) }
            var padding: [Unicode.Scalar] = []
            while padding.count < width - chars.count { padding.append(fill[padding.count % fill.count]) }
            return .string(left ? scalars((padding + chars)[...]) : scalars((chars + padding)[...]))
        }
    }

    /// `substring(s, start [, length])`, DuckDB's rules: 1-based; start 0 or negative counts from
    /// before the string (negative from its end); a negative length takes characters before start.
    static func substring() -> RowScalarFunction {
        RowScalarFunction(name: "substring", binder: { types in
            guard types.count == 2 || types.count == 3 else { throw Bind.fail("substring", types, expected: "string, start [, length]") }
            return FunctionSignature(argumentTypes: [.string] + Array(repeating: .int64, count: types.count - 1), returnType: .string)
        }, body: { v, _ in
            let chars = Array(v[0].text.unicodeScalars)
            return .string(substring(chars, start: v[1].integer, length: v.count > 2 ? v[2].integer : nil))
        }, evaluateFast: { args, _, n in
            guard case .column(let column) = args[0], let start = args[1].scalarValue, !start.isNull else { return nil }
            let length = args.count > 2 ? args[2].scalarValue : Value.int(Int64.max / 4)
            guard let length, !length.isNull else { return nil }
            return substringColumn(column, start: start.integer, length: args.count > 2 ? length.integer : nil, rowCount: n)
        })
    }

    /// `substring` over a column with constant bounds: ASCII values are sliced as bytes, others
    /// go through Unicode scalars.
    static func substringColumn(_ column: Column, start: Int64, length: Int64?, rowCount n: Int) -> Column {
        let builder = ColumnBuilder(.string, capacity: n)
        for i in 0..<n {
            guard column.isValid(i) else {
                builder.appendNull()
                continue
            }
            let bytes = column.bytes(at: i)
            if bytes.allSatisfy({ $0 < 0x80 }) {
                let count = Int64(bytes.count)
                var from = start > 0 ? start - 1 : (start == 0 ? -1 : count + start)
                var to = length.map { from + $0 } ?? count
                if to < from { swap(&from, &to) }
                let lo = Int(max(0, min(count, from))), hi = Int(max(0, min(count, to)))
                builder.appendBytes(UnsafeRawBufferPointer(rebasing: bytes[lo..<max(lo, hi)]))
            } else {
                builder.appendString(substring(Array(column.string(at: i).unicodeScalars), start: start, length: length))
            }
        }
        return builder.finish()
    }

    static func substring(_ chars: [Unicode.Scalar], start: Int64, length: Int64?) -> String {
        let n = Int64(chars.count)
        var from = start > 0 ? start - 1 : (start == 0 ? -1 : n + start)
        var to = length.map { from + $0 } ?? n
        if to < from { swap(&from, &to) }
        let lo = Int(max(0, min(n, from))), hi = Int(max(0, min(n, to)))
        return lo < hi ? scalars(chars[lo..<hi]) : ""
    }
}
