import LagoaColumnar

/// How one column's binary COPY values are decoded, and the Lagoa type they become.
///
/// | PostgreSQL | Lagoa | notes |
/// |---|---|---|
/// | smallint, integer, bigint | int16, int32, int64 | |
/// | numeric(p, s), p ≤ 38 | decimal(p, s) | exact |
/// | numeric without precision | decimal(38, 10) | an error names the value when it needs more digits; or string (option) |
/// | numeric(p, s), p > 38 | string | the exact digits |
/// | real, double precision | float32, float64 | NaN and ±Infinity kept |
/// | boolean | boolean | |
/// | text, varchar, char(n), name, citext | string | char(n) keeps PostgreSQL's padding |
/// | bytea | binary | |
/// | date | date | ±infinity is an error |
/// | time | time (µs) | |
/// | timestamp | timestamp (µs, no zone) | ±infinity is an error |
/// | timestamptz | timestamp (µs, UTC) | the instant, whatever the session zone |
/// | interval | string, ISO 8601 duration | `P1Y2M3DT4H5M6.5S`: months, days and µs kept separately, exactly |
/// | uuid | string | canonical lower-case form |
/// | json, jsonb | string | the document's text |
/// | enum | string | the label |
/// | domain | its base type | |
/// | one-dimensional array of a mapped type | list of it | more dimensions: an error naming the row |
/// | anything else (money, inet, xml, bit, geometric, ranges, timetz, …) | string | PostgreSQL's text form |
enum PGValueKind: Sendable, Hashable {
    case int2, int4, int8, float4, float8, bool
    case numeric(precision: Int, scale: Int)
    /// Raw UTF-8 (text types, json, enums, values cast to text in the SELECT).
    case text
    /// jsonb: a version byte, then the text.
    case jsonb
    case bytea, date, time, timestamp, timestamptz, interval, uuid
    /// Only this case is boxed: the scalar cases decode without reference counting.
    indirect case array(PGValueKind)

    /// The Lagoa type of the decoded values.
    var dataType: DataType {
        switch self {
        case .int2: .int16
        case .int4: .int32
        case .int8: .int64
        case .float4: .float32
        case .float8: .float64
        case .bool: .boolean
        case .numeric(let p, let s): .decimal128(precision: p, scale: s)
        case .text, .jsonb, .interval, .uuid: .string
        case .bytea: .binary
        case .date: .date32
        case .time: .time64(.microsecond)
        case .timestamp: .timestamp(.microsecond, timeZone: nil)
        case .timestamptz: .timestamp(.microsecond, timeZone: "UTC")
        case .array(let element): .list(Field("element", element.dataType))
        }
    }

    /// How unconstrained `numeric` columns are read.
    enum UnconstrainedNumeric: Sendable, Hashable {
        /// decimal(38, scale): values needing more digits fail their table with the value named.
        case decimal(scale: Int)
        /// The exact text.
        case string
    }

    /// The kind for a column: `typeName` is the (domain-resolved) type, `typeType` its pg_type
    /// typtype, `typmod` the modifier, `element` the array element's name and typtype.
    /// - Returns: the kind, and whether the SELECT must cast the column to text.
    static func of(typeName: String, typeType: String, typmod: Int, element: (name: String, type: String)?, numeric: UnconstrainedNumeric) -> (PGValueKind, castToText: Bool) {
        if let element {
            let (inner, cast) = of(typeName: element.name, typeType: element.type, typmod: typmod, element: nil, numeric: numeric)
            return cast ? (.text, true) : (.array(inner), false)
        }
        if typeType == "e" { return (.text, false) }
        switch typeName {
        case "int2": return (.int2, false)
        case "int4": return (.int4, false)
        case "int8": return (.int8, false)
        case "float4": return (.float4, false)
        case "float8": return (.float8, false)
        case "bool": return (.bool, false)
        case "text", "varchar", "bpchar", "name", "char", "citext", "json", "xml": return (.text, false)
        case "jsonb": return (.jsonb, false)
        case "bytea": return (.bytea, false)
        case "date": return (.date, false)
        case "time": return (.time, false)
        case "timestamp": return (.timestamp, false)
        case "timestamptz": return (.timestamptz, false)
        case "interval": return (.interval, false)
        case "uuid": return (.uuid, false)
        case "numeric":
            guard typmod >= 4 else {
                switch numeric {
                case .decimal(let scale): return (.numeric(precision: 38, scale: scale), false)
                case .string: return (.text, true)
                }
            }
            let precision = ((typmod - 4) >> 16) & 0xFFFF
            var scale = (typmod - 4) & 0x7FF
            if scale > 1023 { scale -= 2048 }  // PostgreSQL 15 allows negative scales
            if precision > 38 || scale < 0 || scale > precision { return (.text, true) }
            return (.numeric(precision: precision, scale: scale), false)
        default:
            return (.text, true)
        }
    }
}
