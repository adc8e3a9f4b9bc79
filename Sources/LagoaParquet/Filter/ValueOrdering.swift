import LagoaColumnar

/// Orders two values of compatible kinds, as statistics pruning needs; `nil` when they cannot be
/// compared (then nothing is pruned).
enum ValueOrdering {
    static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return order(x, y)
        case (.uint(let x), .uint(let y)): return order(x, y)
        case (.uint(let x), .int(let y)): return y < 0 ? 1 : order(x, UInt64(y))
        case (.int(let x), .uint(let y)): return x < 0 ? -1 : order(UInt64(x), y)
        case (.double(let x), .double(let y)): return x.isNaN || y.isNaN ? nil : order(x, y)
        case (.float(let x), _): return compare(.double(Double(x)), b)
        case (_, .float(let y)): return compare(a, .double(Double(y)))
        case (.int(let x), .double(let y)): return y.isNaN ? nil : order(Double(x), y)
        case (.double(let x), .int(let y)): return x.isNaN ? nil : order(x, Double(y))
        case (.decimal(let x, let sx), .decimal(let y, let sy)): return compareDecimals(x, sx, y, sy)
        case (.decimal(let x, let sx), .int(let y)): return compareDecimals(x, sx, Int128(y), 0)
        case (.int(let x), .decimal(let y, let sy)): return compareDecimals(Int128(x), 0, y, sy)
        case (.date(let x), .date(let y)): return order(x, y)
        case (.time(let x, let ux), .time(let y, let uy)): return compareScaled(x, ux, y, uy)
        case (.timestamp(let x, let ux, _), .timestamp(let y, let uy, _)): return compareScaled(x, ux, y, uy)
        case (.string(let x), .string(let y)): return order(Array(x.utf8), Array(y.utf8))
        case (.binary(let x), .binary(let y)): return order(x, y)
        case (.string(let x), .binary(let y)): return order(Array(x.utf8), y)
        case (.binary(let x), .string(let y)): return order(x, Array(y.utf8))
        case (.bool(let x), .bool(let y)): return order(x ? 1 : 0, y ? 1 : 0)
        default: return nil
        }
    }

    private static func order<T: Comparable>(_ x: T, _ y: T) -> Int {
        x < y ? -1 : (x > y ? 1 : 0)
    }

    private static func order(_ x: [UInt8], _ y: [UInt8]) -> Int {
        for (p, q) in zip(x, y) where p != q { return p < q ? -1 : 1 }
        return order(x.count, y.count)
    }

    private static func compareScaled(_ x: Int64, _ ux: TimeUnit, _ y: Int64, _ uy: TimeUnit) -> Int? {
        if ux == uy { return order(x, y) }
        let (a, oa) = Int64(x).multipliedReportingOverflow(by: uy.perSecond)
        let (b, ob) = Int64(y).multipliedReportingOverflow(by: ux.perSecond)
        return oa || ob ? nil : order(a, b)
    }

    private static func compareDecimals(_ x: Int128, _ sx: Int, _ y: Int128, _ sy: Int) -> Int? {
        var a = x, b = y
        if sx < sy {
            for _ in 0..<(sy - sx) {
                let (r, o) = a.multipliedReportingOverflow(by: 10)
                if o { return nil }
                a = r
            }
        } else if sy < sx {
            for _ in 0..<(sx - sy) {
                let (r, o) = b.multipliedReportingOverflow(by: 10)
                if o { return nil }
                b = r
            }
        }
        return order(a, b)
    }
}
