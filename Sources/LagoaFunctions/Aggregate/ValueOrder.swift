import LagoaColumnar

/// Ordering of two non-NULL ``Value``s of the same type (slow paths only).
enum ValueOrder {
    /// -1, 0 or 1; `nil` when the values are not comparable.
    static func compare(_ a: Value, _ b: Value) -> Int? {
        func sign<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x == y ? 0 : 1) }
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return sign(x ? 1 : 0, y ? 1 : 0)
        case (.int(let x), .int(let y)): return sign(x, y)
        case (.uint(let x), .uint(let y)): return sign(x, y)
        case (.float(let x), .float(let y)): return sign(x, y)
        case (.double(let x), .double(let y)): return sign(x, y)
        case (.decimal(let x, let s1), .decimal(let y, let s2)):
            let s = max(s1, s2)
            guard let a = DecimalMath.rescale(x, from: s1, to: s), let b = DecimalMath.rescale(y, from: s2, to: s) else { return nil }
            return sign(a, b)
        case (.date(let x), .date(let y)): return sign(x, y)
        case (.time(let x, _), .time(let y, _)): return sign(x, y)
        case (.timestamp(let x, _, _), .timestamp(let y, _, _)): return sign(x, y)
        case (.string(var x), .string(var y)):
            return x.withUTF8 { px in y.withUTF8 { py in Comparison.compareBytes(UnsafeRawBufferPointer(px), UnsafeRawBufferPointer(py)) } }
        case (.binary(let x), .binary(let y)):
            return x.withUnsafeBytes { px in y.withUnsafeBytes { py in Comparison.compareBytes(px, py) } }
        default: return nil
        }
    }
}
