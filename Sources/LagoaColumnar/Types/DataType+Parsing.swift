extension DataType {
    /// Parses a type name as users write it on the command line or in configuration:
    /// `int8`…`int64`, `uint8`…`uint64`, `float32`/`float`/`real`, `float64`/`double`, `boolean`/`bool`,
    /// `string`/`text`/`varchar`, `binary`/`bytes`, `date`, `time`, `timestamp`, `timestamptz`,
    /// `timestamp[ms|us|ns]`, `decimal(p,s)`/`numeric(p,s)`, `uuid`, `fixed_size_binary[n]`.
    /// Returns `nil` for anything else.
    public init?(parsing text: String) {
        let name = text.lowercased().filter { !$0.isWhitespace }
        switch name {
        case "bool", "boolean": self = .boolean
        case "int8", "tinyint": self = .int8
        case "int16", "smallint": self = .int16
        case "int32", "int", "integer": self = .int32
        case "int64", "bigint", "long": self = .int64
        case "uint8": self = .uint8
        case "uint16": self = .uint16
        case "uint32": self = .uint32
        case "uint64": self = .uint64
        case "float32", "float", "real": self = .float32
        case "float64", "double": self = .float64
        case "string", "text", "varchar", "utf8": self = .string
        case "binary", "bytes", "blob": self = .binary
        case "date", "date32": self = .date32
        case "time", "time64", "time64[us]": self = .time64(.microsecond)
        case "time64[ms]": self = .time64(.millisecond)
        case "time64[ns]": self = .time64(.nanosecond)
        case "timestamp", "timestamp[us]": self = .timestamp(.microsecond, timeZone: nil)
        case "timestamptz", "timestamp[us,utc]": self = .timestamp(.microsecond, timeZone: "UTC")
        case "timestamp[ms]": self = .timestamp(.millisecond, timeZone: nil)
        case "timestamp[ns]": self = .timestamp(.nanosecond, timeZone: nil)
        case "timestamp[ms,utc]": self = .timestamp(.millisecond, timeZone: "UTC")
        case "timestamp[ns,utc]": self = .timestamp(.nanosecond, timeZone: "UTC")
        case "uuid": self = .fixedSizeBinary(16)
        default:
            if let arguments = Self.arguments(name, prefixes: ["decimal(", "numeric("], suffix: ")"), arguments.count == 2,
               let p = Int(arguments[0]), let s = Int(arguments[1]), (1...38).contains(p), (0...p).contains(s)
            {
                self = .decimal128(precision: p, scale: s)
            } else if let arguments = Self.arguments(name, prefixes: ["fixed_size_binary["], suffix: "]"), arguments.count == 1,
                      let width = Int(arguments[0]), width > 0
            {
                self = .fixedSizeBinary(width)
            } else {
                return nil
            }
        }
    }

    private static func arguments(_ text: String, prefixes: [String], suffix: String) -> [String]? {
        guard let prefix = prefixes.first(where: { text.hasPrefix($0) }), text.hasSuffix(suffix) else { return nil }
        return text.dropFirst(prefix.count).dropLast(suffix.count).split(separator: ",").map(String.init)
    }
}
