/// An Iceberg data type (spec "Schemas and Data Types"): primitives plus struct, list and map,
/// whose nested fields carry their own field ids.
public indirect enum IcebergType: Sendable, Hashable, CustomStringConvertible {
    case boolean
    case int
    case long
    case float
    case double
    case decimal(precision: Int, scale: Int)
    case date
    /// Microseconds since midnight.
    case time
    /// Microseconds since the epoch, no time zone.
    case timestamp
    /// Microseconds since the epoch, UTC.
    case timestamptz
    case timestampNs
    case timestamptzNs
    case string
    case uuid
    case fixed(Int)
    case binary
    case structType(StructType)
    case list(ListType)
    case map(MapType)

    /// Whether the type has no children.
    public var isPrimitive: Bool {
        switch self {
        case .structType, .list, .map: false
        default: true
        }
    }

    /// The spec's JSON name for primitives (`decimal(9, 2)`, `fixed[16]`), `struct`/`list`/`map` otherwise.
    public var description: String {
        switch self {
        case .boolean: "boolean"
        case .int: "int"
        case .long: "long"
        case .float: "float"
        case .double: "double"
        case .decimal(let p, let s): "decimal(\(p), \(s))"
        case .date: "date"
        case .time: "time"
        case .timestamp: "timestamp"
        case .timestamptz: "timestamptz"
        case .timestampNs: "timestamp_ns"
        case .timestamptzNs: "timestamptz_ns"
        case .string: "string"
        case .uuid: "uuid"
        case .fixed(let n): "fixed[\(n)]"
        case .binary: "binary"
        case .structType: "struct"
        case .list: "list"
        case .map: "map"
        }
    }

    /// Parses a primitive type name as it appears in metadata JSON.
    public init?(primitiveName raw: String) {
        let name = raw.trimmingSpaces().lowercased()
        switch name {
        case "boolean": self = .boolean
        case "int": self = .int
        case "long": self = .long
        case "float": self = .float
        case "double": self = .double
        case "date": self = .date
        case "time": self = .time
        case "timestamp": self = .timestamp
        case "timestamptz": self = .timestamptz
        case "timestamp_ns": self = .timestampNs
        case "timestamptz_ns": self = .timestamptzNs
        case "string": self = .string
        case "uuid": self = .uuid
        case "binary": self = .binary
        default:
            if name.hasPrefix("fixed["), name.hasSuffix("]"),
                let n = Int(name.dropFirst(6).dropLast()), n > 0
            {
                self = .fixed(n)
            } else if name.hasPrefix("decimal("), name.hasSuffix(")") {
                let parts = name.dropFirst(8).dropLast().split(separator: ",")
                guard parts.count == 2,
                    let p = Int(String(parts[0]).trimmingSpaces()),
                    let s = Int(String(parts[1]).trimmingSpaces()),
                    p >= 1, p <= 38, s >= 0, s <= p
                else { return nil }
                self = .decimal(precision: p, scale: s)
            } else {
                return nil
            }
        }
    }

    /// Whether a column of type `self` may be changed to `new` by schema evolution
    /// (spec "Schema Evolution": int→long, float→double, decimal(P,S)→decimal(P',S) with P' ≥ P).
    public func canPromote(to new: IcebergType) -> Bool {
        switch (self, new) {
        case (.int, .long), (.float, .double): true
        case (.decimal(let p1, let s1), .decimal(let p2, let s2)): s1 == s2 && p2 >= p1
        default: self == new
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
