public import LagoaColumnar

/// One leaf (primitive) column of a Parquet file: where it sits in the schema tree and how its
/// physical values map to an Arrow type.
public struct ColumnDescriptor: Sendable {
    /// Names from the root to the leaf, e.g. `["tags", "list", "element"]`.
    public let path: [String]
    /// The schema element describing the leaf (physical, logical and converted types).
    public let element: SchemaElement
    public let maxDefinitionLevel: Int
    public let maxRepetitionLevel: Int
    /// The Arrow type of the leaf's values.
    public let arrowType: DataType

    /// The dotted path, as shown to users.
    public var dottedPath: String { path.joined(separator: ".") }

    public var physicalType: PhysicalType { element.type ?? .boolean }

    /// Byte width for FIXED_LEN_BYTE_ARRAY (and 12 for INT96), 0 otherwise.
    public var typeLength: Int {
        if physicalType == .int96 { return 12 }
        return Int(element.typeLength ?? 0)
    }
}
