package import LagoaColumnar

/// Values as DuckDB prints them when cast to text: shortest round-trip doubles with Python-style
/// exponents (`1e+20`, `1e-05`, `0.1`, `1.0`), exact decimals, `2024-01-01 10:00:00` timestamps
/// (`+00` suffix for timestamptz), `true`/`false`.
package enum TextFormat {
    /// The text of `value` of type `type`, as `CAST(value AS VARCHAR)` gives it.
    package static func text(_ value: Value, _ type: DataType) -> String {
        switch value {
        case .null: return "NULL"
        case .double(let d): return double(d)
        case .float(let f): return float(f)
        case .timestamp(let t, let unit, let tz):
            let text = TemporalFormat.timestamp(t, unit, utc: false, separator: " ")
            return tz == nil ? text : text + "+00"
        default: return value.description
        }
    }

    /// The value as it appears in an error message: strings quoted, everything else as text.
    package static func sqlText(_ value: Value, _ type: DataType) -> String {
        if case .string(let s) = value { return "'" + s + "'" }
        return text(value, type)
    }

    /// Shortest round-trip text of a double, in DuckDB's format.
    package static func double(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        return reformat(d.description)
    }

    /// Shortest round-trip text of a float, in DuckDB's format.
    package static func float(_ f: Float) -> String {
        if f.isNaN { return "nan" }
        if f.isInfinite { return f < 0 ? "-inf" : "inf" }
        return reformat(f.description)
    }

    /// Re-lays Swift's shortest digits (`1.5e+15`, `1e-05`, `123.0`) out with Python's rule:
    /// positional when the decimal exponent is in -5 < e < 16, scientific otherwise.
    private static func reformat(_ swiftText: String) -> String {
        var text = Substring(swiftText)
        var sign = ""
        if text.first == "-" {
            sign = "-"
            text = text.dropFirst()
        }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...].replacingOccurrences("+", "")) ?? 0
            text = text[..<e]
        }
        var digits = ""
        var pointPosition = 0
        var seenPoint = false
        for ch in text {
            if ch == "." {
                seenPoint = true
            } else {
                digits.append(ch)
                if !seenPoint { pointPosition += 1 }
            }
        }
        // Strip leading zeros (moving the point) and trailing zeros.
        while digits.count > 1 && digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.count > 1 && digits.last == "0" { digits.removeLast() }
        if digits == "0" { return sign + "0.0" }
        let decimalExponent = pointPosition + exponent - 1
        if decimalExponent < -4 || decimalExponent >= 16 {
            var mantissa = String(digits.first!)
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let magnitude = abs(decimalExponent)
            let expText = magnitude < 10 ? "0\(magnitude)" : "\(magnitude)"
            return sign + mantissa + "e" + (decimalExponent < 0 ? "-" : "+") + expText
        }
        if decimalExponent < 0 {
            return sign + "0." + String(repeating: "0", count: -decimalExponent - 1) + digits
        }
        let intDigits = decimalExponent + 1
        if digits.count <= intDigits {
            return sign + digits + String(repeating: "0", count: intDigits - digits.count) + ".0"
        }
        return sign + digits.prefix(intDigits) + "." + digits.dropFirst(intDigits)
    }
}

extension Substring {
    fileprivate func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
