/// A named field with an id: a schema column, a struct member, a list element or a map key/value.
public struct NestedField: Sendable, Hashable {
    public var id: Int32
    public var name: String
    public var type: IcebergType
    public var required: Bool
    public var doc: String?

    public init(id: Int32, name: String, type: IcebergType, required: Bool = false, doc: String? = nil) {
        self.id = id
        self.name = name
        self.type = type
        self.required = required
        self.doc = doc
    }
}

/// A struct's fields, in order.
public struct StructType: Sendable, Hashable {
    public var fields: [NestedField]

    public init(fields: [NestedField]) {
        self.fields = fields
    }

    /// The direct child with `name` (case-sensitive).
    public func field(named name: String) -> NestedField? {
        fields.first { $0.name == name }
    }
}

/// A list's element field.
public struct ListType: Sendable, Hashable {
    public var elementID: Int32
    public var element: IcebergType
    public var elementRequired: Bool

    public init(elementID: Int32, element: IcebergType, elementRequired: Bool) {
        self.elementID = elementID
        self.element = element
        self.elementRequired = elementRequired
    }

    /// The element as a field named `element`.
    public var elementField: NestedField {
        NestedField(id: elementID, name: "element", type: element, required: elementRequired)
    }
}

/// A map's key and value fields (keys are always required).
public struct MapType: Sendable, Hashable {
    public var keyID: Int32
    public var key: IcebergType
    public var valueID: Int32
    public var value: IcebergType
    public var valueRequired: Bool

    public init(keyID: Int32, key: IcebergType, valueID: Int32, value: IcebergType, valueRequired: Bool) {
        self.keyID = keyID
        self.key = key
        self.valueID = valueID
        self.value = value
        self.valueRequired = valueRequired
    }

    public var keyField: NestedField { NestedField(id: keyID, name: "key", type: key, required: true) }
    public var valueField: NestedField { NestedField(id: valueID, name: "value", type: value, required: valueRequired) }
}
