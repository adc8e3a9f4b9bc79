import LagoaColumnar

/// How values of one field (and, recursively, its children) become column values.
///
/// A class so that passing plans down the recursive decoder costs one reference, not a copy of the
/// whole tree; it is immutable, hence `Sendable`.
final class JSONDecodePlan: Sendable {
    enum Kind: Sendable {
        case boolean
        case signed(width: Int)
        case unsigned(width: Int)
        case float32, float64
        case decimal(precision: Int, scale: Int)
        case date32
        case time64(TimeUnit)
        case timestamp(TimeUnit)
        case string, binary
        case fixedSizeBinary(Int)
        case list, `struct`
        /// Keys are strings: read from objects; otherwise from arrays of `{"key", "value"}`.
        case map(stringKeys: Bool)
    }

    let name: String
    let nameBytes: [UInt8]
    let type: DataType
    let kind: Kind
    /// List: the element; struct: the fields; map: key and value.
    let children: [JSONDecodePlan]

    convenience init(_ field: Field) {
        self.init(name: field.name, type: field.type)
    }

    init(name: String, type: DataType) {
        self.name = name
        self.nameBytes = Array(name.utf8)
        self.type = type
        var children: [JSONDecodePlan] = []
        switch type {
        case .boolean: kind = .boolean
        case .int8, .int16, .int32, .int64: kind = .signed(width: type.fixedWidth!)
        case .uint8, .uint16, .uint32, .uint64: kind = .unsigned(width: type.fixedWidth!)
        case .float32: kind = .float32
        case .float64: kind = .float64
        case .decimal128(let p, let s): kind = .decimal(precision: p, scale: s)
        case .date32: kind = .date32
        case .time64(let unit): kind = .time64(unit)
        case .timestamp(let unit, _): kind = .timestamp(unit)
        case .string: kind = .string
        case .binary: kind = .binary
        case .fixedSizeBinary(let width): kind = .fixedSizeBinary(width)
        case .list(let element):
            kind = .list
            children = [JSONDecodePlan(element)]
        case .struct(let fields):
            kind = .struct
            children = fields.map(JSONDecodePlan.init)
        case .map(let key, let value, _):
            kind = .map(stringKeys: key.type == .string)
            children = [JSONDecodePlan(key), JSONDecodePlan(value)]
        }
        self.children = children
    }

    /// Whether `key` equals this field's name.
    @inline(__always)
    func matches(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard key.count == nameBytes.count else { return false }
        return nameBytes.withUnsafeBufferPointer { name in
            for k in 0..<key.count where name[k] != key[k] { return false }
            return true
        }
    }
}
