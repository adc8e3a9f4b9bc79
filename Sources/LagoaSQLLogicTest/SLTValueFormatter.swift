import Foundation
public import LagoaColumnar

/// Renders result values as sqllogictest text: `NULL`, `(empty)` for the empty string, `true` /
/// `false`, exact decimals, doubles to ``significantDigits`` significant digits (`2.0`, `0.1`,
/// `1e-05`), ISO dates and timestamps. `scripts/interop/duckdb_oracle.py --slt` formats DuckDB's
/// values with the same rules.
public enum SLTValueFormatter {
    /// Significant digits kept when a double is written (`%.12g`).
    public static let significantDigits = 12

    /// The text of `value`.
    public static func text(_ value: Value) -> String {
        switch value {
        case .null: return "NULL"
        case .string(let s): return s.isEmpty ? "(empty)" : escaped(s)
        case .bool(let b): return b ? "true" : "false"
        case .double(let d): return double(d)
        case .float(let f): return double(Double(f))
        default: return value.description
        }
    }

    /// Whether a value of `type` is compared with a tolerance rather than exactly.
    public static func isApproximate(_ type: DataType) -> Bool {
        type == .float64 || type == .float32
    }

    /// A double as `%.12g`, with `.0` added to integral values so they read as floating point.
    public static func double(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "inf" : "-inf" }
        if d == 0 { return "0.0" }
        var text = String(format: "%.\(significantDigits)g", d)
        if !text.contains(where: { $0 == "." || $0 == "e" }) { text += ".0" }
        return text
    }

    /// Tabs and newlines inside strings written as `\t` and `\n` so a row stays on one line.
    static func escaped(_ s: String) -> String {
        guard s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return s }
        return s.replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\r")
    }
}
