import LagoaColumnar

/// The canonical JSON form of rows that `scripts/interop/peers.py` writes as `NAME.expected.jsonl`,
/// produced here from Lagoa's values so the two can be compared as text.
///
/// The Python side serialises with `json.dumps(row, ensure_ascii=True, separators=(",", ":"))`;
/// this encoder reproduces that byte for byte: no spaces, object keys in a fixed order, every
/// character outside printable ASCII escaped as `\uXXXX` (lowercase hex, UTF-16 surrogate pairs
/// above U+FFFF). docs/testing.md lists the forms.
enum CanonicalJSON {
    /// The bit pattern every NaN is written as (the quiet NaN with no payload).
    static let canonicalNaN: UInt64 = 0x7ff8_0000_0000_0000

    /// One row: a JSON array of the canonical form of each value.
    static func row(_ values: [Value]) -> String {
        var out = "["
        for (i, value) in values.enumerated() {
            if i > 0 { out += "," }
            append(value, to: &out)
        }
        out += "]"
        return out
    }

    /// The canonical form of one value.
    static func encode(_ value: Value) -> String {
        var out = ""
        append(value, to: &out)
        return out
    }

    static func append(_ value: Value, to out: inout String) {
        switch value {
        case .null:
            out += "null"
        case .bool(let b):
            out += b ? "true" : "false"
        case .int(let i):
            out += String(i)
        case .uint(let u):
            out += String(u)
        case .float(let f):
            appendFloat(Double(f), to: &out)  // Float → Double is exact
        case .double(let d):
            appendFloat(d, to: &out)
        case .decimal(let unscaled, let scale):
            out += "{\"d\":\"\(unscaled)\",\"s\":\(scale)}"
        case .date(let days):
            out += "{\"date\":\(days)}"
        case .time(let v, let unit):
            out += "{\"time\":\(v),\"unit\":\"\(unit.rawValue)\"}"
        case .timestamp(let v, let unit, let timeZone):
            out += "{\"ts\":\(v),\"unit\":\"\(unit.rawValue)\",\"utc\":\(timeZone != nil)}"
        case .string(let s):
            appendString(s, to: &out)
        case .binary(let bytes):
            out += "{\"b\":\"" + hex(bytes) + "\"}"
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                append(item, to: &out)
            }
            out += "]"
        case .struct(let fields):
            out += "{\"struct\":"
            append(.list(fields), to: &out)
            out += "}"
        case .map(let keys, let values):
            out += "{\"map\":["
            for (i, (k, v)) in zip(keys, values).enumerated() {
                if i > 0 { out += "," }
                out += "["
                append(k, to: &out)
                out += ","
                append(v, to: &out)
                out += "]"
            }
            out += "]}"
        }
    }

    private static func appendFloat(_ d: Double, to out: inout String) {
        let bits = d.isNaN ? canonicalNaN : d.bitPattern
        let digits = String(bits, radix: 16)
        out += "{\"f\":\"" + String(repeating: "0", count: 16 - digits.count) + digits + "\"}"
    }

    private static let hexDigits = Array("0123456789abcdef")

    static func hex(_ bytes: [UInt8]) -> String {
        var s = ""
        s.reserveCapacity(bytes.count * 2)
        for b in bytes {
            s.append(hexDigits[Int(b >> 4)])
            s.append(hexDigits[Int(b & 15)])
        }
        return s
    }

    /// A JSON string exactly as Python's `json.dumps(..., ensure_ascii=True)` writes it.
    static func appendString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x20...0x7E: out.unicodeScalars.append(scalar)
            case 0...0xFFFF: appendEscape(UInt16(scalar.value), to: &out)
            default:
                let v = scalar.value - 0x1_0000
                appendEscape(UInt16(0xD800 + (v >> 10)), to: &out)
                appendEscape(UInt16(0xDC00 + (v & 0x3FF)), to: &out)
            }
        }
        out += "\""
    }

    private static func appendEscape(_ unit: UInt16, to out: inout String) {
        out += "\\u"
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(hexDigits[Int((unit >> UInt16(shift)) & 15)])
        }
    }
}
