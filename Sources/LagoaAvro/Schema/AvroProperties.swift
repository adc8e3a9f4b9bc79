/// Custom JSON attributes of a schema element, in the order they were written.
///
/// Holds everything the Avro specification does not define for that element, for example
/// `field-id` on a record field, `element-id` on an array, `key-id`/`value-id` on a map, or
/// `adjust-to-utc` on a timestamp. Names are unique; setting an existing name replaces its value
/// in place.
public struct AvroProperties: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// One name/value pair.
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var value: AvroJSON

        public init(name: String, value: AvroJSON) {
            self.name = name
            self.value = value
        }
    }

    /// The attributes in order.
    public private(set) var entries: [Entry]

    /// Properties from `entries`; a later entry with the same name replaces an earlier one.
    public init(_ entries: [Entry] = []) {
        self.entries = []
        for entry in entries { self[entry.name] = entry.value }
    }

    public init(dictionaryLiteral elements: (String, AvroJSON)...) {
        self.init(elements.map { Entry(name: $0.0, value: $0.1) })
    }

    /// Whether there are no attributes.
    public var isEmpty: Bool { entries.isEmpty }

    /// The attribute names in order.
    public var names: [String] { entries.map(\.name) }

    /// The value of attribute `name`; assigning `nil` removes it.
    /// - Complexity: O(n), n being the number of attributes (a handful in practice).
    public subscript(name: String) -> AvroJSON? {
        get { entries.first { $0.name == name }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.name == name }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append(Entry(name: name, value: newValue))
            }
        }
    }

    /// The integer value of attribute `name` if it is an integer that fits an `Int32`
    /// (Iceberg's `field-id`, `element-id`, `key-id`, `value-id`).
    public func int32(_ name: String) -> Int32? {
        self[name]?.intValue.flatMap { Int32(exactly: $0) }
    }
}
