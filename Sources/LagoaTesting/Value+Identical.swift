public import LagoaColumnar

extension Value {
    /// Equality for tests: like `==`, except that NaN equals NaN (same payload class) and `-0.0`
    /// differs from `+0.0`, so a reader that loses either is caught.
    public func isIdentical(to other: Value) -> Bool {
        switch (self, other) {
        case (.double(let a), .double(let b)): return a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
        case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
        case (.list(let a), .list(let b)), (.struct(let a), .struct(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isIdentical(to: $1) }
        case (.map(let ak, let av), .map(let bk, let bv)):
            return ak.count == bk.count && av.count == bv.count
                && zip(ak, bk).allSatisfy { $0.isIdentical(to: $1) } && zip(av, bv).allSatisfy { $0.isIdentical(to: $1) }
        default: return self == other
        }
    }
}

extension DataType {
    /// The type with list element and map entry names erased, for comparing files written with
    /// different naming conventions (`element`, `item`, `array`) that hold the same data.
    public var ignoringChildNames: DataType {
        switch self {
        case .list(let f): return .list(Field("", f.type.ignoringChildNames, nullable: f.nullable))
        case .map(let k, let v, let sorted):
            return .map(key: Field("", k.type.ignoringChildNames, nullable: false), value: Field("", v.type.ignoringChildNames, nullable: v.nullable), keysSorted: sorted)
        case .struct(let fields):
            return .struct(fields.map { Field($0.name, $0.type.ignoringChildNames, nullable: $0.nullable) })
        default: return self
        }
    }
}
