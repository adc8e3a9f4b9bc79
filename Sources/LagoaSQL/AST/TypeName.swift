/// A data type as written in SQL, normalised: `INT`, `INTEGER` and `INT4` all become `integer`;
/// the binder maps it onto a columnar `DataType`.
///
/// Normalised names: `tinyint`, `smallint`, `integer`, `bigint`, `hugeint`, `real`, `double`,
/// `decimal`, `varchar`, `char`, `boolean`, `date`, `time`, `timestamp`, `timestamptz`, `blob`,
/// `uuid`, `interval`, `json`, `list` (one unnamed field: the element type), `struct` (named
/// fields), `map` (two unnamed fields); any other name is kept lower-cased for the binder to reject.
public struct TypeName: Hashable, Sendable, CustomStringConvertible {
    /// The normalised, lower-case type name.
    public var name: String
    /// Integer parameters: `decimal(15, 2)` → `[15, 2]`, `varchar(10)` → `[10]`.
    public var parameters: [Int]
    /// Element or field types of nested types (`list`, `struct`, `map`).
    public var fields: [TypeField]
    /// Where the type appears in the statement text.
    @IgnoredInEquality public var span: SourceSpan

    /// Creates a type name.
    public init(_ name: String, parameters: [Int] = [], fields: [TypeField] = [], span: SourceSpan = .synthesized) {
        self.name = name
        self.parameters = parameters
        self.fields = fields
        self.span = span
    }

    /// A `list` of `element`.
    public static func list(_ element: TypeName) -> TypeName {
        TypeName("list", fields: [TypeField(name: nil, type: element)])
    }

    public var description: String { Unparser.typeName(self) }
}

/// A field of a nested ``TypeName``: a named struct field, or an unnamed list element.
public struct TypeField: Hashable, Sendable {
    /// The field name (`nil` for list elements and map keys/values).
    public var name: Identifier?
    /// The field type.
    public var type: TypeName

    /// Creates a field.
    public init(name: Identifier?, type: TypeName) {
        self.name = name
        self.type = type
    }
}
