/// A named, typed column slot in a ``Schema`` or a nested type.
public struct Field: Sendable, Hashable {
    public var name: String
    public var type: DataType
    public var nullable: Bool
    /// A stable field id (Parquet `field_id`, Iceberg field id), when the format carries one.
    public var id: Int32?
    /// Free-form key/value metadata. ``Field/extensionKey`` names an extension type such as
    /// `arrow.uuid` or `arrow.json`.
    public var metadata: [String: String]

    /// The metadata key naming an extension type, as in Arrow.
    public static let extensionKey = "ARROW:extension:name"

    public init(_ name: String, _ type: DataType, nullable: Bool = true, id: Int32? = nil, metadata: [String: String] = [:]) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.id = id
        self.metadata = metadata
    }

    /// The extension type name, if any (`arrow.uuid`, `arrow.json`, `lagoa.enum`).
    public var extensionName: String? { metadata[Field.extensionKey] }
}
