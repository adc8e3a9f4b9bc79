/// An ordered list of top-level fields, plus key/value metadata; the shape of a ``RecordBatch``.
public struct Schema: Sendable, Hashable {
    public var fields: [Field]
    public var metadata: [String: String]

    public init(_ fields: [Field], metadata: [String: String] = [:]) {
        self.fields = fields
        self.metadata = metadata
    }

    /// Index of the first field named `name`, if any.
    public func index(of name: String) -> Int? {
        fields.firstIndex { $0.name == name }
    }
}

extension Schema: CustomStringConvertible {
    /// One field per line: `name: type` (with `not null` when required).
    public var description: String {
        fields.map { "\($0.name): \($0.type)\($0.nullable ? "" : " not null")" }.joined(separator: "\n")
    }
}
