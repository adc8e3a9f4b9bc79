/// Writes Thrift compact-protocol values by appending to a byte array.
///
/// Struct encoders call ``writeStruct(_:)`` and, inside it, one `writeField` per field; the
/// optional-taking overloads write nothing for `nil`, so optional fields need no branching. Field ids
/// must increase within a struct only for the one-byte short form; any order is valid.
///
/// Booleans in lists are written as 1 and 2 (true and false) with element type 1, as the Apache
/// Thrift C++ and Java libraries do, so that every reader in use accepts them.
package struct ThriftCompactWriter {
    /// The bytes written so far.
    package private(set) var bytes: [UInt8]
    /// The id of the previous field in the current struct, the base for delta-encoded ids.
    private var lastFieldId: Int16 = 0

    /// Creates an empty writer.
    /// - Parameter capacity: bytes to reserve up front.
    package init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    // MARK: Primitives

    /// Appends one byte.
    package mutating func writeByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends an unsigned LEB128 varint.
    /// - Complexity: O(1) (at most 10 bytes).
    package mutating func writeVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Appends a zigzag varint `i16`.
    package mutating func writeI16(_ value: Int16) {
        writeVarint(UInt64(ThriftZigZag.encode(Int32(value))))
    }

    /// Appends a zigzag varint `i32`.
    package mutating func writeI32(_ value: Int32) {
        writeVarint(UInt64(ThriftZigZag.encode(value)))
    }

    /// Appends a zigzag varint `i64`.
    package mutating func writeI64(_ value: Int64) {
        writeVarint(ThriftZigZag.encode(value))
    }

    /// Appends an 8-byte little-endian `double`.
    package mutating func writeDouble(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends a length-prefixed binary value.
    package mutating func writeBinary(_ value: some Collection<UInt8>) {
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// Appends a length-prefixed UTF-8 string.
    package mutating func writeString(_ value: String) {
        writeBinary(value.utf8)
    }

    /// Appends a bool as a container element.
    package mutating func writeBoolElement(_ value: Bool) {
        bytes.append(value ? ThriftCompactType.boolTrue.rawValue : ThriftCompactType.boolFalse.rawValue)
    }

    // MARK: Structure

    /// Writes a struct: whatever `body` writes, then the stop byte.
    package mutating func writeStruct(_ body: (inout ThriftCompactWriter) -> Void) {
        let saved = lastFieldId
        lastFieldId = 0
        body(&self)
        bytes.append(0)
        lastFieldId = saved
    }

    /// Writes a field header, in the one-byte short form when the id delta is 1 to 15.
    package mutating func writeFieldHeader(_ id: Int16, _ type: ThriftCompactType) {
        let delta = Int(id) - Int(lastFieldId)
        if (1...15).contains(delta) {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            writeI16(id)
        }
        lastFieldId = id
    }

    /// Writes a list header; bool lists use element type 1.
    package mutating func writeListHeader(_ elementType: ThriftCompactType, count: Int) {
        let type = elementType.isBool ? ThriftCompactType.boolTrue.rawValue : elementType.rawValue
        if count < 15 {
            bytes.append(UInt8(count) << 4 | type)
        } else {
            bytes.append(0xF0 | type)
            writeVarint(UInt64(count))
        }
    }

    /// Writes a map header: a lone 0 for an empty map, else the size and the key and value types.
    package mutating func writeMapHeader(keyType: ThriftCompactType, valueType: ThriftCompactType, count: Int) {
        writeVarint(UInt64(count))
        guard count > 0 else { return }
        let key = keyType.isBool ? ThriftCompactType.boolTrue.rawValue : keyType.rawValue
        let value = valueType.isBool ? ThriftCompactType.boolTrue.rawValue : valueType.rawValue
        bytes.append(key << 4 | value)
    }

    // MARK: Fields

    /// Writes a bool field, if present.
    package mutating func writeField(_ id: Int16, _ value: Bool?) {
        guard let value else { return }
        writeFieldHeader(id, value ? .boolTrue : .boolFalse)
    }

    /// Writes an `i8` field, if present.
    package mutating func writeField(_ id: Int16, _ value: Int8?) {
        guard let value else { return }
        writeFieldHeader(id, .i8)
        bytes.append(UInt8(bitPattern: value))
    }

    /// Writes an `i16` field, if present.
    package mutating func writeField(_ id: Int16, _ value: Int16?) {
        guard let value else { return }
        writeFieldHeader(id, .i16)
        writeI16(value)
    }

    /// Writes an `i32` field, if present.
    package mutating func writeField(_ id: Int16, _ value: Int32?) {
        guard let value else { return }
        writeFieldHeader(id, .i32)
        writeI32(value)
    }

    /// Writes an `i64` field, if present.
    package mutating func writeField(_ id: Int16, _ value: Int64?) {
        guard let value else { return }
        writeFieldHeader(id, .i64)
        writeI64(value)
    }

    /// Writes a `binary` field, if present.
    package mutating func writeField(_ id: Int16, _ value: [UInt8]?) {
        guard let value else { return }
        writeFieldHeader(id, .binary)
        writeBinary(value)
    }

    /// Writes a `string` field, if present.
    package mutating func writeField(_ id: Int16, _ value: String?) {
        guard let value else { return }
        writeFieldHeader(id, .binary)
        writeString(value)
    }

    /// Writes an enum field (an `i32` on the wire), if present.
    package mutating func writeField<E: ThriftEnum>(_ id: Int16, _ value: E?) {
        writeField(id, value?.rawValue)
    }

    /// Writes a struct field, if present.
    package mutating func writeField<T: ThriftStruct>(_ id: Int16, _ value: T?) {
        guard let value else { return }
        writeFieldHeader(id, .struct)
        value.write(to: &self)
    }

    /// Writes a list field, if present, encoding each element with `element`.
    package mutating func writeListField<T>(
        _ id: Int16,
        _ values: [T]?,
        of elementType: ThriftCompactType,
        _ element: (inout ThriftCompactWriter, T) -> Void
    ) {
        guard let values else { return }
        writeFieldHeader(id, .list)
        writeListHeader(elementType, count: values.count)
        for value in values {
            element(&self, value)
        }
    }

    /// Writes a list-of-structs field, if present.
    package mutating func writeField<T: ThriftStruct>(_ id: Int16, _ values: [T]?) {
        writeListField(id, values, of: .struct) { writer, value in value.write(to: &writer) }
    }

    /// Writes a list-of-enums field, if present.
    package mutating func writeField<E: ThriftEnum>(_ id: Int16, _ values: [E]?) {
        writeListField(id, values, of: .i32) { writer, value in writer.writeI32(value.rawValue) }
    }

    /// Writes a `list<i64>` field, if present.
    package mutating func writeField(_ id: Int16, _ values: [Int64]?) {
        writeListField(id, values, of: .i64) { writer, value in writer.writeI64(value) }
    }

    /// Writes a `list<binary>` field, if present.
    package mutating func writeField(_ id: Int16, _ values: [[UInt8]]?) {
        writeListField(id, values, of: .binary) { writer, value in writer.writeBinary(value) }
    }

    /// Writes a `list<string>` field, if present.
    package mutating func writeField(_ id: Int16, _ values: [String]?) {
        writeListField(id, values, of: .binary) { writer, value in writer.writeString(value) }
    }

    /// Writes a `list<bool>` field, if present.
    package mutating func writeField(_ id: Int16, _ values: [Bool]?) {
        writeListField(id, values, of: .boolTrue) { writer, value in writer.writeBoolElement(value) }
    }
}
