/// One value of any ``DataType``: what tests compare, what the pretty printer shows, what slow paths
/// (JSON, inference) build columns from. Hot paths use typed buffers instead.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    /// Any signed integer type.
    case int(Int64)
    /// Any unsigned integer type.
    case uint(UInt64)
    case float(Float)
    case double(Double)
    /// `unscaled / 10^scale`.
    case decimal(Int128, scale: Int)
    /// Days since the epoch.
    case date(Int32)
    case time(Int64, TimeUnit)
    case timestamp(Int64, TimeUnit, timeZone: String?)
    case string(String)
    case binary([UInt8])
    case list([Value])
    /// Field values in field order.
    case `struct`([Value])
    /// Entries in order.
    case map(keys: [Value], values: [Value])

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension Column {
    /// The value at `i` as a ``Value``.
    /// - Complexity: O(1) for scalars, O(size of the value) for nested values.
    public func value(at i: Int) -> Value {
        guard isValid(i) else { return .null }
        switch type {
        case .boolean: return .bool(bool(at: i))
        case .int8: return .int(Int64(values(as: Int8.self)[i]))
        case .int16: return .int(Int64(values(as: Int16.self)[i]))
        case .int32: return .int(Int64(values(as: Int32.self)[i]))
        case .int64: return .int(values(as: Int64.self)[i])
        case .uint8: return .uint(UInt64(values(as: UInt8.self)[i]))
        case .uint16: return .uint(UInt64(values(as: UInt16.self)[i]))
        case .uint32: return .uint(UInt64(values(as: UInt32.self)[i]))
        case .uint64: return .uint(values(as: UInt64.self)[i])
        case .float32: return .float(values(as: Float.self)[i])
        case .float64: return .double(values(as: Double.self)[i])
        case .decimal128(_, let scale): return .decimal(values(as: Int128.self)[i], scale: scale)
        case .date32: return .date(values(as: Int32.self)[i])
        case .time64(let unit): return .time(values(as: Int64.self)[i], unit)
        case .timestamp(let unit, let tz): return .timestamp(values(as: Int64.self)[i], unit, timeZone: tz)
        case .string: return .string(string(at: i))
        case .binary: return .binary(Array(bytes(at: i)))
        case .fixedSizeBinary: return .binary(Array(fixedBytes(at: i)))
        case .list:
            let child = children[0]
            return .list(childRange(at: i).map { child.value(at: $0) })
        case .struct:
            return .struct(children.map { $0.value(at: offset + i) })
        case .map:
            let entries = children[0]
            let range = childRange(at: i)
            let keys = entries.children[0]
            let vals = entries.children[1]
            return .map(
                keys: range.map { keys.value(at: entries.offset + $0) },
                values: range.map { vals.value(at: entries.offset + $0) }
            )
        }
    }

    /// All values as ``Value``s; for tests and small outputs.
    public var allValues: [Value] { (0..<count).map { value(at: $0) } }
}
