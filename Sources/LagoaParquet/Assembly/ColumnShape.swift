import LagoaColumnar

/// How one top-level Arrow column is laid out over Parquet leaf columns: the Arrow field of every
/// node plus the definition and repetition levels that encode it (Dremel encoding).
///
/// Levels count from the root. For a node, `definedAt` is the definition level at which the node
/// itself is present (equal to its parent's when the node is required).
indirect enum ColumnShape: Sendable {
    /// A primitive leaf; `leaf` indexes the file's leaf columns. A value is present iff the
    /// definition level equals `maxDefinition`.
    case leaf(field: Field, leaf: Int, maxDefinition: Int)
    /// A struct; valid iff the definition level is at least `definedAt`.
    case structure(field: Field, definedAt: Int, children: [ColumnShape])
    /// A list (or map, whose element is the key/value struct); the list is non-null iff the
    /// definition level is at least `definedAt`, has elements iff it is at least `elementDefinedAt`,
    /// and an entry with repetition level `repetition` starts a new element.
    case list(field: Field, definedAt: Int, elementDefinedAt: Int, repetition: Int, element: ColumnShape)

    var field: Field {
        switch self {
        case .leaf(let f, _, _), .structure(let f, _, _), .list(let f, _, _, _, _): f
        }
    }

    /// Leaf indices under this node, in schema order.
    var leaves: [Int] {
        switch self {
        case .leaf(_, let leaf, _): [leaf]
        case .structure(_, _, let children): children.flatMap(\.leaves)
        case .list(_, _, _, _, let element): element.leaves
        }
    }

    /// Whether any list lies at or under this node.
    var isRepeated: Bool {
        switch self {
        case .leaf: false
        case .structure(_, _, let children): children.contains { $0.isRepeated }
        case .list: true
        }
    }
}

extension DataType {
    /// The fields of a struct type, empty for any other type.
    var structFields: [Field] {
        if case .struct(let fields) = self { return fields }
        return []
    }
}
