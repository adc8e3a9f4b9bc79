/// A record type: a name and an ordered list of fields.
public struct AvroRecordSchema: Sendable, Hashable {
    /// The simple name (without namespace).
    public var name: String
    /// The effective namespace (inherited from the enclosing named type when the JSON omits it).
    public var namespace: String?
    public var doc: String?
    public var fields: [AvroField]
    /// Alternative names, as full names, used when resolving a writer record against this one.
    public var aliases: [String]
    public var properties: AvroProperties

    public init(
        name: String,
        namespace: String? = nil,
        doc: String? = nil,
        fields: [AvroField],
        aliases: [String] = [],
        properties: AvroProperties = [:]
    ) {
        self.name = name
        self.namespace = namespace
        self.doc = doc
        self.fields = fields
        self.aliases = aliases
        self.properties = properties
    }

    /// `namespace.name`, or `name` without a namespace.
    public var fullName: String { avroFullName(name, namespace) }

    /// The position of the field called `name`.
    /// - Complexity: O(number of fields).
    public func index(of name: String) -> Int? {
        fields.firstIndex { $0.name == name }
    }

    /// The field called `name`.
    public func field(_ name: String) -> AvroField? {
        index(of: name).map { fields[$0] }
    }
}

/// One field of a record.
public struct AvroField: Sendable, Hashable {
    public var name: String
    public var type: AvroSchema
    public var doc: String?
    /// The default value as JSON (for a union, a value of its first branch).
    public var `default`: AvroJSON?
    public var aliases: [String]
    /// The sort order attribute (`ascending`, `descending`, `ignore`), when written.
    public var order: String?
    /// Custom attributes such as Iceberg's `field-id`.
    public var properties: AvroProperties

    public init(
        name: String,
        type: AvroSchema,
        doc: String? = nil,
        default: AvroJSON? = nil,
        aliases: [String] = [],
        order: String? = nil,
        properties: AvroProperties = [:]
    ) {
        self.name = name
        self.type = type
        self.doc = doc
        self.default = `default`
        self.aliases = aliases
        self.order = order
        self.properties = properties
    }

    /// A field with Iceberg's `field-id` attribute.
    public init(name: String, type: AvroSchema, fieldID: Int32, doc: String? = nil, default: AvroJSON? = nil) {
        self.init(name: name, type: type, doc: doc, default: `default`, properties: ["field-id": .int(Int64(fieldID))])
    }

    /// Iceberg's `field-id` attribute, when present and an integer.
    public var fieldID: Int32? { properties.int32("field-id") }
}

/// An enum type: a name and its symbols.
public struct AvroEnumSchema: Sendable, Hashable {
    public var name: String
    public var namespace: String?
    public var doc: String?
    public var symbols: [String]
    /// The symbol a reader uses for a writer symbol it does not know.
    public var `default`: String?
    public var aliases: [String]
    public var properties: AvroProperties

    public init(
        name: String,
        namespace: String? = nil,
        doc: String? = nil,
        symbols: [String],
        default: String? = nil,
        aliases: [String] = [],
        properties: AvroProperties = [:]
    ) {
        self.name = name
        self.namespace = namespace
        self.doc = doc
        self.symbols = symbols
        self.default = `default`
        self.aliases = aliases
        self.properties = properties
    }

    public var fullName: String { avroFullName(name, namespace) }
}

/// A fixed-size byte string type.
public struct AvroFixedSchema: Sendable, Hashable {
    public var name: String
    public var namespace: String?
    public var size: Int
    public var aliases: [String]
    public var properties: AvroProperties

    public init(name: String, namespace: String? = nil, size: Int, aliases: [String] = [], properties: AvroProperties = [:]) {
        self.name = name
        self.namespace = namespace
        self.size = size
        self.aliases = aliases
        self.properties = properties
    }

    public var fullName: String { avroFullName(name, namespace) }
}
