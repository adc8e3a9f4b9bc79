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

/// Accumulates the rows of one batch in column builders.
struct CSVBatchBuilder {
    /// A field whose text does not parse as its column's type.
    struct ValueFault: Error {
        var column: Int
        var text: String
    }

    let plans: [CSVColumnPlan]
    let nulls: CSVNullMatcher
    let builders: [ColumnBuilder]
    private(set) var rowCount = 0
    private var binary: [UInt8] = []

    init(plans: [CSVColumnPlan], nulls: CSVNullMatcher, capacity: Int) {
        self.plans = plans
        self.nulls = nulls
        self.builders = plans.map { ColumnBuilder($0.type, capacity: capacity) }
    }

    /// Appends the current record of `stream`; the caller has checked its field count.
    /// - Complexity: O(record length).
    mutating func append(_ stream: CSVRecordStream) throws(ValueFault) {
        try stream.withFields { (fields, input, scratch) throws(ValueFault) in
            for k in 0..<fields.count {
                let span = fields[k]
                let text = UnsafeBufferPointer(rebasing: (span.inScratch ? scratch : input)[span.start..<span.end])
                try appendField(k, text, quoted: span.quoted)
            }
        }
        rowCount += 1
    }

    private mutating func appendField(_ k: Int, _ text: UnsafeBufferPointer<UInt8>, quoted: Bool) throws(ValueFault) {
        let plan = plans[k]
        let builder = builders[k]
        if !(quoted && plan.isText) && nulls.matches(text) {
            builder.appendNull()
            return
        }
        func fault() -> ValueFault { ValueFault(column: k, text: TextParsing.preview(text)) }
        switch plan.kind {
        case .boolean:
            guard let v = TextParsing.parseBool(text) else { throw fault() }
            builder.appendBool(v)
        case .int8: builder.appendFixed(try Self.signed(text, Int8.self, fault))
        case .int16: builder.appendFixed(try Self.signed(text, Int16.self, fault))
        case .int32: builder.appendFixed(try Self.signed(text, Int32.self, fault))
        case .int64: builder.appendFixed(try Self.signed(text, Int64.self, fault))
        case .uint8: builder.appendFixed(try Self.unsigned(text, UInt8.self, fault))
        case .uint16: builder.appendFixed(try Self.unsigned(text, UInt16.self, fault))
        case .uint32: builder.appendFixed(try Self.unsigned(text, UInt32.self, fault))
        case .uint64: builder.appendFixed(try Self.unsigned(text, UInt64.self, fault))
        case .float32:
            guard let v = TextParsing.parseFloat32(text) else { throw fault() }
            builder.appendFixed(v)
        case .float64:
            guard let v = TextParsing.parseFloat64(text) else { throw fault() }
            builder.appendFixed(v)
        case .decimal(let precision, let scale):
            guard let v = TextParsing.parseDecimal(text, precision: precision, scale: scale) else { throw fault() }
            builder.appendFixed(v)
        case .date32:
            guard let v = TextParsing.parseDate(text) else { throw fault() }
            builder.appendFixed(v)
        case .time64(let unit):
            guard let v = TextParsing.parseTime(text, unit: unit) else { throw fault() }
            builder.appendFixed(v)
        case .timestamp(let unit):
            guard let v = TextParsing.parseTimestamp(text, unit: unit) else { throw fault() }
            builder.appendFixed(v.value)
        case .string:
            builder.appendBytes(UnsafeRawBufferPointer(text))
        case .binary:
            binary.removeAll(keepingCapacity: true)
            guard Base64.decode(text, into: &binary) else { throw fault() }
            binary.withUnsafeBytes { builder.appendBytes($0) }
        case .fixedSizeBinary(let width):
            binary.removeAll(keepingCapacity: true)
            guard Base64.decode(text, into: &binary), binary.count == width else { throw fault() }
            builder.append(.binary(binary))
        }
    }

    private static func signed<T: FixedWidthInteger>(
        _ text: UnsafeBufferPointer<UInt8>,
        _: T.Type,
        _ fault: () -> ValueFault
    ) throws(ValueFault) -> T {
        guard let v = TextParsing.parseInt64(text), let exact = T(exactly: v) else { throw fault() }
        return exact
    }

    private static func unsigned<T: FixedWidthInteger>(
        _ text: UnsafeBufferPointer<UInt8>,
        _: T.Type,
        _ fault: () -> ValueFault
    ) throws(ValueFault) -> T {
        guard let v = TextParsing.parseUInt64(text), let exact = T(exactly: v) else { throw fault() }
        return exact
    }

    /// The finished batch.
    func finish(schema: Schema) -> RecordBatch {
        RecordBatch(schema: schema, columns: builders.map { $0.finish() }, rowCount: rowCount)
    }
}
