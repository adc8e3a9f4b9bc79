/// A name in SQL text. Unquoted names fold to lower case (`Foo` and `foo` are the same name);
/// quoted names (`"Foo"`) keep their case and may contain any character.
public struct Identifier: Hashable, Sendable, CustomStringConvertible {
    /// The name used for lookup: lower-cased when unquoted, verbatim when quoted.
    public var value: String
    /// Whether the name was written in double quotes (not compared: `"abc"` equals `abc`).
    @IgnoredInEquality public var quoted: Bool
    /// The text as written (without quotes), for error messages.
    @IgnoredInEquality public var original: String
    /// Where the name appears in the statement text.
    @IgnoredInEquality public var span: SourceSpan

    /// Creates an identifier; `original` defaults to `value`.
    public init(_ value: String, quoted: Bool = false, original: String? = nil, span: SourceSpan = .synthesized) {
        self.value = value
        self.quoted = quoted
        self.original = original ?? value
        self.span = span
    }

    public var description: String { value }
}

/// A dotted name of one or more parts: `t`, `s.t`, `domain.layer.table`, `"My Schema".t.col`.
public struct QualifiedName: Hashable, Sendable, CustomStringConvertible {
    /// The parts, outermost first.
    public var parts: [Identifier]
    /// Where the whole name appears in the statement text.
    @IgnoredInEquality public var span: SourceSpan

    /// Creates a name from its parts.
    public init(_ parts: [Identifier], span: SourceSpan? = nil) {
        precondition(!parts.isEmpty, "a qualified name has at least one part")
        self.parts = parts
        self.span = span ?? parts.first!.span.union(parts.last!.span)
    }

    /// Creates an unquoted name from dotted text parts, for tests and code: `QualifiedName("s", "t")`.
    public init(_ parts: String...) {
        self.init(parts.map { Identifier($0) })
    }

    /// The last part (the table or column name itself).
    public var name: Identifier { parts[parts.count - 1] }

    /// The parts before the last one (namespace or table qualifier), possibly empty.
    public var qualifier: [Identifier] { Array(parts.dropLast()) }

    public var description: String { parts.map(\.value).joined(separator: ".") }
}
