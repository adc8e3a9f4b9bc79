extension IcebergValue {
    /// Orders two values of the same kind as the spec sorts them (strings and binary by unsigned
    /// bytes, floats with -0 < +0 and NaN last); nil when the kinds differ.
    public func compare(to other: IcebergValue) -> Int? {
        func cmp<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
        func bytes(_ a: [UInt8], _ b: [UInt8]) -> Int {
            a.lexicographicallyPrecedes(b) ? -1 : (a == b ? 0 : 1)
        }
        switch (self, other) {
        case (.boolean(let a), .boolean(let b)): return cmp(a ? 1 : 0, b ? 1 : 0)
        case (.float(let a), .float(let b)): return cmp(Double(a).totalOrderKey, Double(b).totalOrderKey)
        case (.double(let a), .double(let b)): return cmp(a.totalOrderKey, b.totalOrderKey)
        case (.decimal(let a, let sa), .decimal(let b, let sb)) where sa == sb: return cmp(a, b)
        case (.string(let a), .string(let b)): return bytes(Array(a.utf8), Array(b.utf8))
        case (.uuid(let a), .uuid(let b)), (.fixed(let a), .fixed(let b)), (.binary(let a), .binary(let b)):
            return bytes(a, b)
        default:
            guard let a = integerValue, let b = other.integerValue, kindMatches(other) else { return nil }
            return cmp(a, b)
        }
    }

    private func kindMatches(_ other: IcebergValue) -> Bool {
        switch (self, other) {
        case (.int, .int), (.long, .long), (.int, .long), (.long, .int), (.date, .date), (.time, .time),
            (.timestamp, .timestamp), (.timestamptz, .timestamptz), (.timestampNs, .timestampNs),
            (.timestamptzNs, .timestamptzNs), (.timestamp, .timestamptz), (.timestamptz, .timestamp):
            true
        default: false
        }
    }
}

extension Double {
    /// A key whose integer order is IEEE total order (-NaN < -inf < … < -0 < +0 < … < +inf < NaN).
    var totalOrderKey: Int64 {
        let bits = Int64(bitPattern: bitPattern)
        return bits < 0 ? bits ^ Int64.max : bits
    }
}
