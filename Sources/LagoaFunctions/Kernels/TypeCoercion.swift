public import LagoaColumnar

/// Implicit type rules shared by the binder (where to insert casts) and the kernels.
public enum TypeCoercion {
    /// The smallest type every one of `types` converts to implicitly (CASE branches, COALESCE,
    /// UNION columns, IN lists), following DuckDB: `int32, int64 → int64`,
    /// `int64, decimal(15,2) → decimal(21,2)`, `decimal, double → double`, `date, timestamp →
    /// timestamp`; a NULL literal's type (`nil` entries are untyped NULLs) adopts the others.
    /// Returns `nil` when there is none.
    public static func commonSupertype(_ types: [DataType?]) -> DataType? {
        let known = types.compactMap { $0 }
        guard var result = known.first else { return nil }
        for type in known.dropFirst() {
            guard let next = commonSupertype(result, type) else { return nil }
            result = next
        }
        return result
    }

    /// The common supertype of two types, or `nil`.
    public static func commonSupertype(_ a: DataType, _ b: DataType) -> DataType? {
        if a == b { return a }
        switch (a, b) {
        case (.float64, _) where b.isNumeric, (_, .float64) where a.isNumeric: return .float64
        case (.float32, _) where b.isNumeric, (_, .float32) where a.isNumeric: return .float32
        case (.decimal128(let p1, let s1), .decimal128(let p2, let s2)):
            let scale = max(s1, s2)
            return .decimal128(precision: min(38, max(p1 - s1, p2 - s2) + scale), scale: scale)
        case (.decimal128, _) where b.isInteger:
            return commonSupertype(a, b.integerDecimal!)
        case (_, .decimal128) where a.isInteger:
            return commonSupertype(a.integerDecimal!, b)
        case _ where a.isInteger && b.isInteger:
            return widerInteger(a, b)
        case (.date32, .timestamp), (.timestamp(.microsecond, nil), .timestamp): return b
        case (.timestamp, .date32), (.timestamp, .timestamp(.microsecond, nil)): return a
        case (.timestamp(_, let tz1), .timestamp(_, let tz2)):
            return .timestamp(.microsecond, timeZone: tz1 ?? tz2)
        case (.string, _) where b.isTemporal, (.string, .boolean): return b
        case (_, .string) where a.isTemporal, (.boolean, .string): return a
        case (.string, _), (_, .string): return .string
        case (.binary, .fixedSizeBinary), (.fixedSizeBinary, .binary): return .binary
        default: return nil
        }
    }

    private static func widerInteger(_ a: DataType, _ b: DataType) -> DataType {
        let (ra, rb) = (a.integerRank, b.integerRank)
        if a.isSignedInteger == b.isSignedInteger { return ra >= rb ? a : b }
        let (signed, unsigned) = a.isSignedInteger ? (a, b) : (b, a)
        if signed.integerRank > unsigned.integerRank { return signed }
        switch unsigned {
        case .uint8: return .int16
        case .uint16: return .int32
        case .uint32: return .int64
        default: return .decimal128(precision: 20, scale: 0)
        }
    }
}

extension DataType {
    /// Integer, decimal or floating point.
    public var isNumeric: Bool { isInteger || isFloatingPoint || isDecimal }

    /// Any signed or unsigned integer type.
    public var isInteger: Bool { isSignedInteger || isUnsignedInteger }

    /// int8 … int64.
    public var isSignedInteger: Bool {
        switch self {
        case .int8, .int16, .int32, .int64: true
        default: false
        }
    }

    /// uint8 … uint64.
    public var isUnsignedInteger: Bool {
        switch self {
        case .uint8, .uint16, .uint32, .uint64: true
        default: false
        }
    }

    /// float32 or float64.
    public var isFloatingPoint: Bool { self == .float32 || self == .float64 }

    /// decimal128 of any precision.
    public var isDecimal: Bool {
        if case .decimal128 = self { return true }
        return false
    }

    /// date32, time64 or timestamp.
    public var isTemporal: Bool {
        switch self {
        case .date32, .time64, .timestamp: true
        default: false
        }
    }

    /// The decimal that holds every value of an integer type (DuckDB: int32 → decimal(10,0)).
    public var integerDecimal: DataType? {
        switch self {
        case .int8, .uint8: .decimal128(precision: 3, scale: 0)
        case .int16, .uint16: .decimal128(precision: 5, scale: 0)
        case .int32, .uint32: .decimal128(precision: 10, scale: 0)
        case .int64: .decimal128(precision: 19, scale: 0)
        case .uint64: .decimal128(precision: 20, scale: 0)
        case .decimal128: self
        default: nil
        }
    }

    /// 1 … 4 for 8 … 64-bit integers, 0 otherwise.
    var integerRank: Int {
        switch self {
        case .int8, .uint8: 1
        case .int16, .uint16: 2
        case .int32, .uint32: 3
        case .int64, .uint64: 4
        default: 0
        }
    }
}
