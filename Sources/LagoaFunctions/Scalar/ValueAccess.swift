import LagoaColumnar

extension Value {
    /// The text of a string value (other values as their text).
    var text: String {
        if case .string(let s) = self { return s }
        return description
    }

    /// An integer value (doubles truncated, decimals rounded).
    var integer: Int64 {
        switch self {
        case .int(let v): v
        case .uint(let v): Int64(clamping: v)
        case .double(let d): d.isFinite ? Int64(d) : 0
        case .float(let f): f.isFinite ? Int64(f) : 0
        case .decimal(let v, let s): Int64(clamping: DecimalMath.divideRounding(v, by: s))
        case .bool(let b): b ? 1 : 0
        default: 0
        }
    }

    /// A floating-point value.
    var real: Double {
        switch self {
        case .int(let v): Double(v)
        case .uint(let v): Double(v)
        case .double(let d): d
        case .float(let f): Double(f)
        case .decimal(let v, let s): DecimalMath.toDouble(v, scale: s)
        default: 0
        }
    }
}
