import LagoaColumnar

/// Turns encoded key rows (``EncodedKeys`` layout) back into columns.
enum KeyDecoding {
    /// Decodes the next key column of each row at `cursor` (advanced past it).
    static func decode(_ type: DataType, arena: UnsafeRawPointer, cursor: inout [Int]) -> Column {
        let n = cursor.count
        let builder = ColumnBuilder(type, capacity: n)
        for i in 0..<n {
            let at = cursor[i]
            let valid = arena.load(fromByteOffset: at, as: UInt8.self) != 0
            switch type {
            case .boolean:
                if valid { builder.appendBool(arena.load(fromByteOffset: at + 1, as: UInt8.self) != 0) } else { builder.appendNull() }
                cursor[i] += 2
            case .string, .binary:
                let length = Int(arena.loadUnaligned(fromByteOffset: at + 1, as: UInt32.self))
                if valid {
                    builder.appendBytes(UnsafeRawBufferPointer(start: arena + at + 5, count: length))
                } else {
                    builder.appendNull()
                }
                cursor[i] += 5 + length
            default:
                let w = type.fixedWidth!
                if valid {
                    switch w {
                    case 1: builder.appendFixed(arena.load(fromByteOffset: at + 1, as: UInt8.self))
                    case 2: builder.appendFixed(arena.loadUnaligned(fromByteOffset: at + 1, as: UInt16.self))
                    case 4: builder.appendFixed(arena.loadUnaligned(fromByteOffset: at + 1, as: UInt32.self))
                    case 8: builder.appendFixed(arena.loadUnaligned(fromByteOffset: at + 1, as: UInt64.self))
                    case 16: builder.appendFixed(arena.loadUnaligned(fromByteOffset: at + 1, as: Int128.self))
                    default: builder.append(.binary(Array(UnsafeRawBufferPointer(start: arena + at + 1, count: w))))
                    }
                } else {
                    builder.appendNull()
                }
                cursor[i] += 1 + w
            }
        }
        return builder.finish()
    }
}
