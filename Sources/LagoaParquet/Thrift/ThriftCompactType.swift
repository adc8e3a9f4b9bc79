/// The type nibble of the Thrift compact protocol, as it appears in field headers and in list, set
/// and map headers.
///
/// In a field header the two boolean types carry the field's value (`boolTrue` is `true`); as a
/// container element type either code means "bool" and each element is one byte.
package enum ThriftCompactType: UInt8, Sendable, CustomStringConvertible {
    case boolTrue = 1
    case boolFalse = 2
    case i8 = 3
    case i16 = 4
    case i32 = 5
    case i64 = 6
    case double = 7
    case binary = 8
    case list = 9
    case set = 10
    case map = 11
    case `struct` = 12
    case uuid = 13

    /// Whether this is one of the two boolean codes.
    package var isBool: Bool { self == .boolTrue || self == .boolFalse }

    /// The fewest bytes one value of this type takes as a container element; used to reject list and
    /// map sizes that cannot fit in the bytes that remain, before anything is allocated.
    package var minimumElementSize: Int {
        switch self {
        case .double: 8
        case .uuid: 16
        default: 1  // bool and i8 bytes, varints, binary lengths, container headers, struct stops
        }
    }

    /// Whether two codes denote the same element type (either boolean code means "bool").
    package func matches(_ other: ThriftCompactType) -> Bool {
        self == other || (isBool && other.isBool)
    }

    package var description: String {
        switch self {
        case .boolTrue, .boolFalse: "bool"
        case .i8: "i8"
        case .i16: "i16"
        case .i32: "i32"
        case .i64: "i64"
        case .double: "double"
        case .binary: "binary"
        case .list: "list"
        case .set: "set"
        case .map: "map"
        case .struct: "struct"
        case .uuid: "uuid"
        }
    }
}

/// A decoded field header: the field id, the wire type and where the header started.
package struct ThriftFieldHeader: Sendable, Hashable {
    /// The field id from the IDL (`4` in `4: required list<RowGroup> row_groups`).
    package var id: Int16
    /// The wire type; for booleans it also carries the value.
    package var type: ThriftCompactType
    /// The byte offset of the header in the buffer being decoded, for error messages.
    package var offset: Int

    package init(id: Int16, type: ThriftCompactType, offset: Int) {
        self.id = id
        self.type = type
        self.offset = offset
    }
}
