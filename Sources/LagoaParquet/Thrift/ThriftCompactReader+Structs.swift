/// Struct, field and container reading for ``ThriftCompactReader``.
///
/// A struct decoder calls ``ThriftCompactReader/readStruct(_:_:)`` with a closure that switches on
/// the field id, reads known fields with the typed `read…(_ field:)` methods (which reject a
/// mismatched wire type) and hands every other field to ``ThriftCompactReader/skip(_:)``.
extension ThriftCompactReader {
    // MARK: Structs

    /// Reads one struct: every field header up to the stop byte, calling `body` for each field.
    ///
    /// `body` must consume the field's value, by reading it or by calling ``skip(_:)``.
    /// - Parameters:
    ///   - name: the struct's IDL name, used in error messages.
    ///   - body: called with the reader and each field header.
    /// - Throws: ``ParquetError`` when the data is truncated, malformed or nested deeper than
    ///   ``maxDepth``.
    package mutating func readStruct(
        _ name: StaticString,
        _ body: (inout ThriftCompactReader, ThriftFieldHeader) throws(ParquetError) -> Void
    ) throws(ParquetError) {
        try enterNesting()
        let savedFieldId = lastFieldId
        let savedName = structName
        lastFieldId = 0
        structName = name
        while let field = try readFieldHeader() {
            try body(&self, field)
        }
        lastFieldId = savedFieldId
        structName = savedName
        depth -= 1
    }

    /// Reads a field header, or returns `nil` at the stop byte that ends a struct.
    package mutating func readFieldHeader() throws(ParquetError) -> ThriftFieldHeader? {
        let start = position
        let byte = try readByte()
        if byte == 0 { return nil }
        guard let type = ThriftCompactType(rawValue: byte & 0x0F) else {
            throw corrupt("invalid Thrift compact type \(byte & 0x0F)", at: start)
        }
        let delta = Int16(byte >> 4)
        let id: Int16
        if delta == 0 {
            id = try readI16()
        } else {
            let (sum, overflow) = lastFieldId.addingReportingOverflow(delta)
            guard !overflow else { throw corrupt("Thrift field id overflows i16", at: start) }
            id = sum
        }
        lastFieldId = id
        return ThriftFieldHeader(id: id, type: type, offset: start)
    }

    /// Counts one more level of nesting, failing beyond ``maxDepth``.
    mutating func enterNesting() throws(ParquetError) {
        guard depth < Self.maxDepth else {
            throw corrupt("Thrift data nested deeper than \(Self.maxDepth) levels", at: position)
        }
        depth += 1
    }

    /// Returns a required field's value, or throws naming the struct and field when it was absent.
    /// - Parameters:
    ///   - value: the decoded value, `nil` if the field never appeared.
    ///   - field: the IDL field name, such as `num_rows`.
    ///   - structName: the IDL struct name, such as `FileMetaData`.
    ///   - start: the offset where the struct began.
    package func require<T>(
        _ value: T?,
        _ field: StaticString,
        in structName: StaticString,
        at start: Int
    ) throws(ParquetError) -> T {
        guard let value else {
            throw corrupt("required field '\(field)' missing in \(structName) starting", at: start)
        }
        return value
    }

    // MARK: Typed fields

    /// Throws unless `field` has the wire type `expected`.
    package func expect(_ field: ThriftFieldHeader, _ expected: ThriftCompactType) throws(ParquetError) {
        guard field.type.matches(expected) else {
            throw corrupt(
                "field \(field.id) of \(structName) has Thrift type \(field.type), expected \(expected)",
                at: field.offset
            )
        }
    }

    /// Reads a bool field, whose value is its wire type.
    package func readBool(_ field: ThriftFieldHeader) throws(ParquetError) -> Bool {
        try expect(field, .boolTrue)
        return field.type == .boolTrue
    }

    /// Reads an `i8` field.
    package mutating func readI8(_ field: ThriftFieldHeader) throws(ParquetError) -> Int8 {
        try expect(field, .i8)
        return try readI8()
    }

    /// Reads an `i16` field.
    package mutating func readI16(_ field: ThriftFieldHeader) throws(ParquetError) -> Int16 {
        try expect(field, .i16)
        return try readI16()
    }

    /// Reads an `i32` field.
    package mutating func readI32(_ field: ThriftFieldHeader) throws(ParquetError) -> Int32 {
        try expect(field, .i32)
        return try readI32()
    }

    /// Reads an `i64` field.
    package mutating func readI64(_ field: ThriftFieldHeader) throws(ParquetError) -> Int64 {
        try expect(field, .i64)
        return try readI64()
    }

    /// Reads a `binary` field.
    package mutating func readBinary(_ field: ThriftFieldHeader) throws(ParquetError) -> [UInt8] {
        try expect(field, .binary)
        return try readBinary()
    }

    /// Reads a `string` field.
    package mutating func readString(_ field: ThriftFieldHeader) throws(ParquetError) -> String {
        try expect(field, .binary)
        return try readString()
    }

    /// Reads an enum field (an `i32` on the wire); unknown values are kept, not rejected.
    package mutating func readEnum<E: ThriftEnum>(_ field: ThriftFieldHeader) throws(ParquetError) -> E {
        E(rawValue: try readI32(field))
    }

    /// Reads a struct field.
    package mutating func readStruct<T: ThriftStruct>(_ field: ThriftFieldHeader) throws(ParquetError) -> T {
        try expect(field, .struct)
        return try T(from: &self)
    }

    // MARK: Containers

    /// Reads a list or set header.
    /// - Returns: the element type (`nil` only for an empty list whose type nibble is not valid,
    ///   which some writers emit) and the element count, already checked against the bytes left.
    package mutating func readListHeader() throws(ParquetError) -> (elementType: ThriftCompactType?, count: Int) {
        let start = position
        let byte = try readByte()
        var count = Int(byte >> 4)
        if count == 15 {
            let long = try readVarint32()
            guard long <= UInt32(Int32.max) else {
                throw corrupt("negative list size \(Int32(bitPattern: long))", at: start)
            }
            count = Int(long)
        }
        guard let type = ThriftCompactType(rawValue: byte & 0x0F) else {
            if count == 0 { return (nil, 0) }
            throw corrupt("invalid Thrift compact element type \(byte & 0x0F)", at: start)
        }
        guard count <= remaining / type.minimumElementSize else {
            throw corrupt("list of \(count) \(type) elements cannot fit in the \(remaining) bytes remaining", at: start)
        }
        return (type, count)
    }

    /// Reads a map header.
    /// - Returns: the key and value types (`nil` for an empty map) and the entry count, already checked
    ///   against the bytes left.
    package mutating func readMapHeader() throws(ParquetError)
        -> (keyType: ThriftCompactType?, valueType: ThriftCompactType?, count: Int)
    {
        let start = position
        let size = try readVarint32()
        guard size <= UInt32(Int32.max) else { throw corrupt("negative map size \(Int32(bitPattern: size))", at: start) }
        if size == 0 { return (nil, nil, 0) }
        let types = try readByte()
        guard let key = ThriftCompactType(rawValue: types >> 4), let value = ThriftCompactType(rawValue: types & 0x0F)
        else {
            throw corrupt("invalid Thrift compact map types \(types >> 4) and \(types & 0x0F)", at: start)
        }
        let count = Int(size)
        guard count <= remaining / (key.minimumElementSize + value.minimumElementSize) else {
            throw corrupt("map of \(count) entries cannot fit in the \(remaining) bytes remaining", at: start)
        }
        return (key, value, count)
    }

    /// Reads a list field whose elements have wire type `elementType`, decoding each with `element`.
    /// - Complexity: O(n) in the number of elements.
    package mutating func readList<T>(
        _ field: ThriftFieldHeader,
        of elementType: ThriftCompactType,
        _ element: (inout ThriftCompactReader) throws(ParquetError) -> T
    ) throws(ParquetError) -> [T] {
        try expect(field, .list)
        let start = position
        let (type, count) = try readListHeader()
        guard count > 0 else { return [] }
        guard let type, type.matches(elementType) else {
            let found = type.map { "\($0)" } ?? "invalid"
            throw corrupt(
                "list field \(field.id) of \(structName) has \(found) elements, expected \(elementType)",
                at: start
            )
        }
        try enterNesting()
        var values: [T] = []
        values.reserveCapacity(min(count, 4096))
        for _ in 0..<count {
            values.append(try element(&self))
        }
        depth -= 1
        return values
    }

    /// Reads a list of structs.
    package mutating func readStructList<T: ThriftStruct>(_ field: ThriftFieldHeader) throws(ParquetError) -> [T] {
        try readList(field, of: .struct) { (reader: inout ThriftCompactReader) throws(ParquetError) in
            try T(from: &reader)
        }
    }

    /// Reads a list of enums (`i32` on the wire).
    package mutating func readEnumList<E: ThriftEnum>(_ field: ThriftFieldHeader) throws(ParquetError) -> [E] {
        try readList(field, of: .i32) { (reader: inout ThriftCompactReader) throws(ParquetError) in
            E(rawValue: try reader.readI32())
        }
    }

    /// Reads a list of `i64`.
    package mutating func readI64List(_ field: ThriftFieldHeader) throws(ParquetError) -> [Int64] {
        try readList(field, of: .i64) { (reader: inout ThriftCompactReader) throws(ParquetError) in
            try reader.readI64()
        }
    }

    /// Reads a list of `binary`.
    package mutating func readBinaryList(_ field: ThriftFieldHeader) throws(ParquetError) -> [[UInt8]] {
        try readList(field, of: .binary) { (reader: inout ThriftCompactReader) throws(ParquetError) in
            try reader.readBinary()
        }
    }

    /// Reads a list of `string`.
    package mutating func readStringList(_ field: ThriftFieldHeader) throws(ParquetError) -> [String] {
        try readList(field, of: .binary) { (reader: inout ThriftCompactReader) throws(ParquetError) in
            try reader.readString()
        }
    }

    /// Reads a list of `bool`.
    package mutating func readBoolList(_ field: ThriftFieldHeader) throws(ParquetError) -> [Bool] {
        try readList(field, of: .boolTrue) { (reader: inout ThriftCompactReader) throws(ParquetError) in
            try reader.readBoolElement()
        }
    }
}
