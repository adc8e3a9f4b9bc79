import LagoaColumnar

/// Renders list, struct and map values as compact JSON text for CSV fields, with the same
/// conventions as `LagoaJSON`'s `JSONLinesWriter`: decimals, dates, times and timestamps as strings,
/// binary as base64 strings, non-finite floats as the strings `"NaN"`, `"Infinity"`, `"-Infinity"`,
/// maps with string keys as objects and other maps as arrays of `{"key": …, "value": …}`.
enum NestedJSONText {
    /// Appends the JSON text of `value` (of type `type`) to `out`.
    /// - Complexity: O(size of the value).
    static func append(_ value: Value, type: DataType, to out: inout [UInt8]) {
        switch value {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .bool(let b):
            out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let v):
            TextFormatting.appendInteger(v, to: &out)
        case .uint(let v):
            TextFormatting.appendInteger(v, to: &out)
        case .float(let v):
            appendFloat(Double(v), text: v.description, to: &out)
        case .double(let v):
            appendFloat(v, text: v.description, to: &out)
        case .decimal(let v, let scale):
            appendString(TemporalFormat.decimal(v, scale: scale), to: &out)
        case .date(let d):
            appendString(TemporalFormat.date(Int64(d)), to: &out)
        case .time(let t, let unit):
            appendString(TemporalFormat.time(t, unit), to: &out)
        case .timestamp(let t, let unit, let zone):
            appendString(TemporalFormat.timestamp(t, unit, utc: zone != nil), to: &out)
        case .string(let s):
            appendString(s, to: &out)
        case .binary(let bytes):
            out.append(0x22)
            bytes.withUnsafeBytes { Base64.encode($0, into: &out) }
            out.append(0x22)
        case .list(let items):
            let element: DataType = if case .list(let field) = type { field.type } else { .string }
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                append(item, type: element, to: &out)
            }
            out.append(0x5D)
        case .struct(let values):
            let fields: [Field] = if case .struct(let fields) = type { fields } else { [] }
            out.append(0x7B)
            for (i, (field, item)) in zip(fields, values).enumerated() {
                if i > 0 { out.append(0x2C) }
                appendString(field.name, to: &out)
                out.append(0x3A)
                append(item, type: field.type, to: &out)
            }
            out.append(0x7D)
        case .map(let keys, let values):
            guard case .map(let keyField, let valueField, _) = type else { return }
            let asObject = keyField.type == .string
            out.append(asObject ? 0x7B : 0x5B)
            for (i, (key, item)) in zip(keys, values).enumerated() {
                if i > 0 { out.append(0x2C) }
                if asObject {
                    append(key, type: keyField.type, to: &out)
                    out.append(0x3A)
                    append(item, type: valueField.type, to: &out)
                } else {
                    out.append(contentsOf: #"{"key":"#.utf8)
                    append(key, type: keyField.type, to: &out)
                    out.append(contentsOf: #","value":"#.utf8)
                    append(item, type: valueField.type, to: &out)
                    out.append(0x7D)
                }
            }
            out.append(asObject ? 0x7D : 0x5D)
        }
    }

    private static func appendFloat(_ v: Double, text: String, to out: inout [UInt8]) {
        if v.isNaN {
            appendString("NaN", to: &out)
        } else if v.isInfinite {
            appendString(v < 0 ? "-Infinity" : "Infinity", to: &out)
        } else {
            out.append(contentsOf: text.utf8)
        }
    }

    /// Appends `text` as a JSON string, escaping quotes, backslashes and control characters.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
