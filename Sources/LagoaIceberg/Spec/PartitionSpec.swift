/// How a table's rows are grouped into partitions: a list of transforms over source columns.
public struct PartitionSpec: Sendable, Hashable {
    /// A partition field: `transform(source column)` named `name`, with id ≥ 1000.
    public struct Field: Sendable, Hashable {
        public var sourceID: Int32
        public var fieldID: Int32
        public var name: String
        public var transform: Transform

        public init(sourceID: Int32, fieldID: Int32, name: String, transform: Transform) {
            self.sourceID = sourceID
            self.fieldID = fieldID
            self.name = name
            self.transform = transform
        }
    }

    public var specID: Int32
    public var fields: [Field]

    public init(specID: Int32 = 0, fields: [Field] = []) {
        self.specID = specID
        self.fields = fields
    }

    /// The spec with no fields.
    public static let unpartitioned = PartitionSpec()

    /// Whether every field is `void` (or there is none): rows are not grouped.
    public var isUnpartitioned: Bool { fields.allSatisfy { $0.transform == .void } }

    /// The first id new partition fields take (spec: partition field ids start at 1000).
    public static let firstFieldID: Int32 = 1000

    /// The partition tuple's struct type for `schema`: one optional field per partition field.
    public func partitionType(_ schema: IcebergSchema) throws(IcebergError) -> StructType {
        var out: [NestedField] = []
        for field in fields {
            guard let source = schema.field(id: field.sourceID) else {
                throw IcebergError(
                    .invalidMetadata,
                    "partition field '\(field.name)' refers to column id \(field.sourceID), which the schema does not have"
                )
            }
            out.append(NestedField(id: field.fieldID, name: field.name, type: try field.transform.resultType(source.type)))
        }
        return StructType(fields: out)
    }
}

/// The values of one partition, in the order of its spec's fields (nil = null).
public typealias PartitionTuple = [IcebergValue?]

extension PartitionSpec {
    /// The folder of a partition under the table's `data/` folder: `ts_day=2026-11-20/id_bucket=3`,
    /// each value URL-escaped as Java does.
    public func partitionPath(_ tuple: PartitionTuple) -> String {
        zip(fields, tuple).map { field, value in
            escapePathSegment(field.name) + "=" + escapePathSegment(value?.humanString ?? "null")
        }.joined(separator: "/")
    }
}

/// Percent-encodes everything but unreserved characters, so a value can never form `/` or `..`.
func escapePathSegment(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
        let c = Character(UnicodeScalar(byte))
        if byte < 0x80 && (c.isLetter || c.isNumber || "-_.~:".contains(c)) {
            out.append(c)
        } else {
            out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
        }
    }
    return out == "." || out == ".." ? out.replacingDots() : out
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }

    fileprivate func replacingDots() -> String {
        String(repeating: "%2E", count: count)
    }
}
