/// Turns ASTs back into canonical SQL text that parses to an equal AST (spans aside): keywords in
/// upper case, identifiers quoted only when needed, parentheses only where precedence needs them.
public enum Unparser {
    /// An identifier, double-quoted when it is not a plain lower-case name or is a reserved word.
    public static func identifier(_ id: Identifier) -> String {
        if isPlain(id.value) && !Keywords.isReserved(id.value) { return id.value }
        return quoted(id.value, by: "\"")
    }

    /// A dotted name, each part via ``identifier(_:)``.
    public static func qualifiedName(_ name: QualifiedName) -> String {
        name.parts.map(identifier).joined(separator: ".")
    }

    /// `text` between `quote` characters, with each embedded `quote` doubled.
    static func quoted(_ text: String, by quote: Character) -> String {
        var result = String(quote)
        result.reserveCapacity(text.utf8.count + 2)
        for character in text {
            if character == quote { result.append(quote) }
            result.append(character)
        }
        result.append(quote)
        return result
    }

    /// Whether `text` is a lower-case ASCII name (`[a-z_][a-z0-9_$]*`) that needs no quotes.
    static func isPlain(_ text: String) -> Bool {
        var first = true
        for byte in text.utf8 {
            let isLower = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if !(isLower || byte == UInt8(ascii: "_") || (!first && (isDigit || byte == UInt8(ascii: "$")))) { return false }
            first = false
        }
        return !first
    }
}
