import LagoaColumnar

/// Column types as SQL names (DESCRIBE, error messages), DuckDB's spelling.
enum SQLTypeNames {
    static func name(_ type: DataType) -> String {
        switch type {
        case .boolean: "BOOLEAN"
        case .int8: "TINYINT"
        case .int16: "SMALLINT"
        case .int32: "INTEGER"
        case .int64: "BIGINT"
        case .uint8: "UTINYINT"
        case .uint16: "USMALLINT"
        case .uint32: "UINTEGER"
        case .uint64: "UBIGINT"
        case .float32: "FLOAT"
        case .float64: "DOUBLE"
        case .decimal128(let p, let s): "DECIMAL(\(p),\(s))"
        case .date32: "DATE"
        case .time64: "TIME"
        case .timestamp(_, let tz): tz == nil ? "TIMESTAMP" : "TIMESTAMP WITH TIME ZONE"
        case .string: "VARCHAR"
        case .binary: "BLOB"
        case .fixedSizeBinary(16): "UUID"
        case .fixedSizeBinary(let w): "BLOB(\(w))"
        case .list(let f): name(f.type) + "[]"
        case .struct(let fields): "STRUCT(" + fields.map { "\($0.name) \(name($0.type))" }.joined(separator: ", ") + ")"
        case .map(let k, let v, _): "MAP(\(name(k.type)), \(name(v.type)))"
        }
    }
}
