import LagoaColumnar

/// Growable bits, least-significant first (Arrow's bitmap order).
struct BitVector: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var count = 0

    @inline(__always)
    mutating func append(_ bit: Bool) {
        if count & 7 == 0 { bytes.append(0) }
        if bit { bytes[count >> 3] |= 1 << UInt8(count & 7) }
        count += 1
    }

    /// `count` set bits.
    init(ones count: Int = 0) {
        bytes = [UInt8](repeating: 0xFF, count: (count + 7) >> 3)
        if count & 7 != 0 { bytes[bytes.count - 1] = UInt8((1 << (count & 7)) - 1) }
        self.count = count
    }
}

/// Collects one column's values for a batch in plain arrays, for the types inference produces
/// (boolean, int64, float64, date32, timestamp, string); rarer types (overrides) go through a
/// ``ColumnBuilder``. Plain arrays in a struct avoid the builder's per-value class access checks,
/// which dominate the CSV hot loop.
struct CSVColumnAccumulator {
    private let type: DataType
    private(set) var count = 0
    private var nullCount = 0
    private var validity: BitVector?
    private var int64s: [Int64] = []
    private var int32s: [Int32] = []
    private var doubles: [Double] = []
    private var bits = BitVector()
    private var offsets: [Int64] = [0]
    private var data: [UInt8] = []
    /// The builder for types without a fast path.
    let builder: ColumnBuilder?

    init(_ type: DataType, fastPath: Bool, capacity: Int) {
        self.type = type
        self.builder = fastPath ? nil : ColumnBuilder(type, capacity: capacity)
        switch type {
        case .int64, .time64, .timestamp: int64s.reserveCapacity(capacity)
        case .date32: int32s.reserveCapacity(capacity)
        case .float64: doubles.reserveCapacity(capacity)
        case .string:
            offsets.reserveCapacity(capacity + 1)
            data.reserveCapacity(capacity * 8)
        default: break
        }
    }

    @inline(__always)
    private mutating func markValid() {
        validity?.append(true)
        count += 1
    }

    /// Appends a null.
    mutating func appendNull() {
        if let builder {
            builder.appendNull()
            return
        }
        if validity == nil { validity = BitVector(ones: count) }
        validity!.append(false)
        switch type {
        case .int64, .time64, .timestamp: int64s.append(0)
        case .date32: int32s.append(0)
        case .float64: doubles.append(0)
        case .boolean: bits.append(false)
        default: offsets.append(Int64(data.count))
        }
        count += 1
        nullCount += 1
    }

    @inline(__always)
    mutating func append(_ value: Int64) {
        int64s.append(value)
        markValid()
    }

    @inline(__always)
    mutating func append(_ value: Int32) {
        int32s.append(value)
        markValid()
    }

    @inline(__always)
    mutating func append(_ value: Double) {
        doubles.append(value)
        markValid()
    }

    @inline(__always)
    mutating func append(_ value: Bool) {
        bits.append(value)
        markValid()
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        data.append(contentsOf: bytes)
        offsets.append(Int64(data.count))
        markValid()
    }

    /// The finished column.
    func finish() -> Column {
        if let builder { return builder.finish() }
        let values: Buffer
        switch type {
        case .int64, .time64, .timestamp: values = Buffer(int64s)
        case .date32: values = Buffer(int32s)
        case .float64: values = Buffer(doubles)
        case .boolean: values = Buffer(bits.bytes)
        default: values = Buffer(offsets)
        }
        return Column(
            type: type,
            count: count,
            nullCount: nullCount,
            validity: nullCount > 0 ? validity.map { Buffer($0.bytes) } : nil,
            values: values,
            data: type == .string ? Buffer(data) : nil
        )
    }
}
