import Foundation
import LagoaColumnar

/// A result value in the form both engines are compared in: exact numbers as normalised decimal
/// text, floating point as `Double`, dates and timestamps as ISO text, strings, booleans.
enum CanonicalValue: Sendable, Hashable, CustomStringConvertible {
    case null
    /// Integers and decimals as exact text without trailing fractional zeros (`12.5`, `-3`, `0`).
    case exact(String)
    /// Floating point.
    case approx(Double)
    case text(String)
    case bool(Bool)

    /// A Lagoa value.
    init(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let v): self = .exact(String(v))
        case .uint(let v): self = .exact(String(v))
        case .decimal(let v, let scale): self = .exact(Self.normalised(TemporalFormat.decimal(v, scale: scale)))
        case .double(let d): self = .approx(d)
        case .float(let f): self = .approx(Double(f))
        case .date(let d): self = .text(TemporalFormat.date(Int64(d)))
        case .timestamp(let t, let unit, let tz): self = .text(TemporalFormat.timestamp(t, unit, utc: tz != nil, separator: " "))
        case .string(let s): self = .text(s)
        default: self = .text(value.description)
        }
    }

    /// A value decoded from `duckdb_oracle.py` JSON, typed by DuckDB's column type name.
    init(duckDB value: Any, type: String) {
        if value is NSNull {
            self = .null
            return
        }
        let upper = type.uppercased()
        if upper == "BOOLEAN", let b = value as? Bool {
            self = .bool(b)
        } else if ["DOUBLE", "FLOAT", "REAL"].contains(upper), let text = value as? String, let d = Double(text) {
            self = .approx(d)
        } else if upper.hasPrefix("DECIMAL") || Self.integerTypes.contains(upper) {
            if let text = value as? String {
                self = .exact(Self.normalised(text))
            } else if let integer = value as? Int {
                self = .exact(String(integer))
            } else if let number = value as? NSNumber {
                self = .exact(Self.normalised(number.stringValue))
            } else {
                self = .text("\(value)")
            }
        } else if let text = value as? String {
            self = .text(text)
        } else {
            self = .text("\(value)")
        }
    }

    private static let integerTypes: Set<String> = [
        "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT",
    ]

    /// `12.50` → `12.5`, `3.00` → `3`, `-0.0` → `0`.
    static func normalised(_ text: String) -> String {
        var t = text
        if t.contains(".") {
            while t.hasSuffix("0") { t.removeLast() }
            if t.hasSuffix(".") { t.removeLast() }
        }
        if t == "-0" || t.isEmpty { t = "0" }
        return t
    }

    /// The value as a number, when it is one.
    var number: Double? {
        switch self {
        case .exact(let t): Double(t)
        case .approx(let d): d
        default: nil
        }
    }

    /// Whether two values agree: exact numbers exactly, floating point (on either side) within
    /// `tolerance` relative, everything else by equality.
    func matches(_ other: CanonicalValue, tolerance: Double) -> Bool {
        switch (self, other) {
        case (.exact(let a), .exact(let b)): return a == b
        case (.approx, _), (_, .approx):
            guard let a = number, let b = other.number else { return false }
            if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
            if a == b { return true }
            return abs(a - b) <= tolerance * max(abs(a), abs(b))
        default: return self == other
        }
    }

    /// A sort key under which matching values of both engines sort alike.
    var sortKey: String {
        switch self {
        case .null: "0"
        case .bool(let b): b ? "1t" : "1f"
        case .exact, .approx: "2" + String(format: "%+.8e", number ?? 0)
        case .text(let s): "3" + s
        }
    }

    var description: String {
        switch self {
        case .null: "NULL"
        case .exact(let t): t
        case .approx(let d): "\(d)"
        case .text(let s): "'\(s)'"
        case .bool(let b): b ? "true" : "false"
        }
    }
}
