import LagoaAvro

/// The canonical JSON of values shared with `scripts/interop/avro_peer.py` (see its docstring):
/// text identical to Python's `json.dumps(ensure_ascii=True, separators=(",", ":"))`.
enum AvroCanonicalJSON {
    static func encode(_ value: AvroValue) -> String {
        switch value {
        case .null: return "null"
        case .boolean(let v): return v ? "true" : "false"
        case .int(let v): return String(v)
        case .long(let v): return String(v)
        case .float(let v): return float(Double(v))
        case .double(let v): return float(v)
        case .bytes(let v), .fixed(let v): return "{\"b\":\"\(hex(v))\"}"
        case .string(let v): return string(v)
        case .enumeration(_, let symbol): return string(symbol)
        case .array(let values), .record(let values): return "[" + values.map(encode).joined(separator: ",") + "]"
        case .map(let entries):
            return "{\"m\":[" + entries.map { "[" + string($0.key) + "," + encode($0.value) + "]" }.joined(separator: ",") + "]}"
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    private static func float(_ value: Double) -> String {
        let text = String(value.bitPattern, radix: 16)
        return "{\"f\":\"" + String(repeating: "0", count: 16 - text.count) + text + "\"}"
    }

    private static func string(_ value: String) -> String {
        var out = "\""
        for unit in value.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let text = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - text.count) + text
            }
        }
        return out + "\""
    }
}
