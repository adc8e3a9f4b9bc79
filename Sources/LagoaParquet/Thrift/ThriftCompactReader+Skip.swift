/// Skipping of unknown fields, which keeps decoders forward compatible with newer writers.
extension ThriftCompactReader {
    /// Skips the value of a struct field of wire type `type`, including nested structs, lists, sets and
    /// maps, checking it as thoroughly as a read would.
    ///
    /// A bool field's value lives in its header, so skipping it consumes nothing.
    /// - Complexity: O(n) in the bytes skipped; nesting is capped at ``maxDepth``.
    package mutating func skip(_ type: ThriftCompactType) throws(ParquetError) {
        try skipValue(type, asElement: false)
    }

    /// Skips one value; `asElement` is true inside containers, where a bool takes one byte.
    private mutating func skipValue(_ type: ThriftCompactType, asElement: Bool) throws(ParquetError) {
        switch type {
        case .boolTrue, .boolFalse:
            if asElement { _ = try readBoolElement() }
        case .i8:
            _ = try readByte()
        case .i16:
            _ = try readI16()
        case .i32:
            _ = try readVarint32()
        case .i64:
            _ = try readVarint()
        case .double:
            _ = try readBytes(8, for: "a double")
        case .uuid:
            _ = try readBytes(16, for: "a uuid")
        case .binary:
            _ = try readBinaryView()
        case .list, .set:
            try enterNesting()
            let (elementType, count) = try readListHeader()
            if let elementType {
                for _ in 0..<count {
                    try skipValue(elementType, asElement: true)
                }
            }
            depth -= 1
        case .map:
            try enterNesting()
            let (keyType, valueType, count) = try readMapHeader()
            if let keyType, let valueType {
                for _ in 0..<count {
                    try skipValue(keyType, asElement: true)
                    try skipValue(valueType, asElement: true)
                }
            }
            depth -= 1
        case .struct:
            try readStruct("<unknown struct>") { (reader: inout ThriftCompactReader, field) throws(ParquetError) in
                try reader.skip(field.type)
            }
        }
    }
}
