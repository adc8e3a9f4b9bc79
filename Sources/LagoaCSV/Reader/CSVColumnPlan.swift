import LagoaColumnar

/// How one column's field text becomes values: its name, type and a flat parse kind.
struct CSVColumnPlan: Sendable {
    enum Kind: Sendable {
        case boolean
        case int8, int16, int32, int64
        case uint8, uint16, uint32, uint64
        case float32, float64
        case decimal(precision: Int, scale: Int)
        case date32
        case time64(TimeUnit)
        case timestamp(TimeUnit)
        case string, binary
        case fixedSizeBinary(Int)
    }

    let name: String
    let type: DataType
    let kind: Kind

    /// - Throws: ``CSVError/Code/unsupported`` for nested types, which CSV cannot hold.
    init(name: String, type: DataType) throws(CSVError) {
        self.name = name
        self.type = type
        switch type {
        case .boolean: kind = .boolean
        case .int8: kind = .int8
        case .int16: kind = .int16
        case .int32: kind = .int32
        case .int64: kind = .int64
        case .uint8: kind = .uint8
        case .uint16: kind = .uint16
        case .uint32: kind = .uint32
        case .uint64: kind = .uint64
        case .float32: kind = .float32
        case .float64: kind = .float64
        case .decimal128(let p, let s): kind = .decimal(precision: p, scale: s)
        case .date32: kind = .date32
        case .time64(let unit): kind = .time64(unit)
        case .timestamp(let unit, _): kind = .timestamp(unit)
        case .string: kind = .string
        case .binary: kind = .binary
        case .fixedSizeBinary(let width): kind = .fixedSizeBinary(width)
        case .list, .struct, .map:
            throw CSVError(
                .unsupported,
                "cannot read CSV column '\(name)' as \(type); CSV columns can only hold scalar types (read it as string)"
            )
        }
    }

    /// Whether ``CSVColumnAccumulator`` collects this type in plain arrays.
    var hasFastPath: Bool {
        switch kind {
        case .boolean, .int64, .float64, .date32, .time64, .timestamp, .string: true
        default: false
        }
    }

    /// Whether a quoted field is always a value (never null) in this column.
    var isText: Bool {
        switch kind {
        case .string, .binary, .fixedSizeBinary: true
        default: false
        }
    }
}

/// Decides whether a field's text means null.
struct CSVNullMatcher: Sendable {
    private let matchesEmpty: Bool
    private let others: [[UInt8]]

    init(_ nullStrings: [String]) {
        matchesEmpty = nullStrings.contains("")
        others = nullStrings.filter { !$0.isEmpty }.map { Array($0.utf8) }
    }

    @inline(__always)
    func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        if text.isEmpty { return matchesEmpty }
        for other in others where other.count == text.count && other.elementsEqual(text) { return true }
        return false
    }
}
