import LagoaColumnar

/// How a SQLite column's declared type becomes a Lagoa type, following SQLite's affinity rules
/// (https://sqlite.org/datatype3.html §3.1) and refining the common declarations:
///
/// | declared type                              | Lagoa type            | values accepted |
/// |--------------------------------------------|-----------------------|-----------------|
/// | BOOLEAN, BOOL                              | boolean               | 0/1, 'true'/'false' |
/// | DECIMAL(p,s), NUMERIC(p,s) (p ≤ 38)        | decimal(p, s)         | integers, reals, numeric text |
/// | DATE                                       | date                  | 'YYYY-MM-DD' text, unix seconds |
/// | DATETIME, TIMESTAMP                        | timestamp (no zone)   | ISO text, unix seconds |
/// | anything containing INT (INTEGER affinity) | int64                 | integers |
/// | CHAR, CLOB, TEXT (TEXT affinity)           | string                | any value, as text |
/// | BLOB                                       | binary                | blobs, text as UTF-8 |
/// | REAL, FLOA, DOUB (REAL affinity)           | float64               | reals, integers |
/// | other NUMERIC affinity, no type            | string                | any value, as text |
///
/// SQLite lets any value sit in any column; a value that does not fit its column's Lagoa type is an
/// error naming the table, column, row and value.
enum SQLiteTypeMapping {
    static func type(declared: String) -> DataType {
        let upper = declared.uppercased()
        let base = upper.split(separator: "(").first.map { String($0).filter { $0 != " " } } ?? ""
        switch base {
        case "BOOLEAN", "BOOL": return .boolean
        case "DATE": return .date32
        case "DATETIME", "TIMESTAMP": return .timestamp(.microsecond, timeZone: nil)
        case "DECIMAL", "NUMERIC":
            if let (p, s) = precisionScale(upper), p >= 1, p <= 38, s >= 0, s <= p { return .decimal128(precision: p, scale: s) }
        default: break
        }
        if upper.contains("INT") { return .int64 }
        if upper.contains("CHAR") || upper.contains("CLOB") || upper.contains("TEXT") { return .string }
        if upper.contains("BLOB") { return .binary }
        if upper.contains("REAL") || upper.contains("FLOA") || upper.contains("DOUB") { return .float64 }
        return .string
    }

    private static func precisionScale(_ upper: String) -> (Int, Int)? {
        guard let open = upper.firstIndex(of: "("), let close = upper.lastIndex(of: ")"), open < close else { return nil }
        let inner = upper[upper.index(after: open)..<close].split(separator: ",").map { String($0).filter { $0 != " " } }
        guard let p = inner.first.flatMap({ Int($0) }) else { return nil }
        let s = inner.count > 1 ? Int(inner[1]) ?? -1 : 0
        return (p, s)
    }
}
