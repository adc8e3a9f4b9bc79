import LagoaColumnar

/// Accumulates the rows of one batch, column by column.
struct CSVBatchBuilder {
    /// A field whose text does not parse as its column's type.
    struct ValueFault: Error {
        var column: Int
        var text: String
    }

    private let kinds: [CSVColumnPlan.Kind]
    private let isText: [Bool]
    private let nulls: CSVNullMatcher
    private var columns: [CSVColumnAccumulator]
    private(set) var rowCount = 0
    private var binary: [UInt8] = []

    init(plans: [CSVColumnPlan], nulls: CSVNullMatcher, capacity: Int) {
        self.kinds = plans.map(\.kind)
        self.isText = plans.map(\.isText)
        self.nulls = nulls
        self.columns = plans.map { CSVColumnAccumulator($0.type, fastPath: $0.hasFastPath, capacity: capacity) }
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
        if !(quoted && isText[k]) && nulls.matches(text) {
            columns[k].appendNull()
            return
        }
        func fault() -> ValueFault { ValueFault(column: k, text: TextParsing.preview(text)) }
        switch kinds[k] {
        case .string:
            columns[k].append(text)
        case .int64:
            guard let v = TextParsing.parseInt64(text) else { throw fault() }
            columns[k].append(v)
        case .float64:
            guard let v = TextParsing.parseFloat64(text) else { throw fault() }
            columns[k].append(v)
        case .boolean:
            guard let v = TextParsing.parseBool(text) else { throw fault() }
            columns[k].append(v)
        case .date32:
            guard let v = TextParsing.parseDate(text) else { throw fault() }
            columns[k].append(v)
        case .time64(let unit):
            guard let v = TextParsing.parseTime(text, unit: unit) else { throw fault() }
            columns[k].append(v)
        case .timestamp(let unit):
            guard let v = TextParsing.parseTimestamp(text, unit: unit) else { throw fault() }
            columns[k].append(v.value)
        default:
            guard appendSlow(columns[k].builder!, kinds[k], text, &binary) else { throw fault() }
        }
    }

    /// Appends a value of a type without a fast path; `false` when the text does not parse.
    private func appendSlow(
        _ builder: ColumnBuilder,
        _ kind: CSVColumnPlan.Kind,
        _ text: UnsafeBufferPointer<UInt8>,
        _ binary: inout [UInt8]
    ) -> Bool {
        switch kind {
        case .int8, .int16, .int32:
            guard let v = TextParsing.parseInt64(text) else { return false }
            switch kind {
            case .int8: guard let x = Int8(exactly: v) else { return false }; builder.appendFixed(x)
            case .int16: guard let x = Int16(exactly: v) else { return false }; builder.appendFixed(x)
            default: guard let x = Int32(exactly: v) else { return false }; builder.appendFixed(x)
            }
        case .uint8, .uint16, .uint32, .uint64:
            guard let v = TextParsing.parseUInt64(text) else { return false }
            switch kind {
            case .uint8: guard let x = UInt8(exactly: v) else { return false }; builder.appendFixed(x)
            case .uint16: guard let x = UInt16(exactly: v) else { return false }; builder.appendFixed(x)
            case .uint32: guard let x = UInt32(exactly: v) else { return false }; builder.appendFixed(x)
            default: builder.appendFixed(v)
            }
        case .float32:
            guard let v = TextParsing.parseFloat32(text) else { return false }
            builder.appendFixed(v)
        case .decimal(let precision, let scale):
            guard let v = TextParsing.parseDecimal(text, precision: precision, scale: scale) else { return false }
            builder.appendFixed(v)
        case .binary:
            binary.removeAll(keepingCapacity: true)
            guard Base64.decode(text, into: &binary) else { return false }
            binary.withUnsafeBytes { builder.appendBytes($0) }
        case .fixedSizeBinary(let width):
            binary.removeAll(keepingCapacity: true)
            guard Base64.decode(text, into: &binary), binary.count == width else { return false }
            builder.append(.binary(binary))
        default:
            return false
        }
        return true
    }

    /// The finished batch.
    func finish(schema: Schema) -> RecordBatch {
        RecordBatch(schema: schema, columns: columns.map { $0.finish() }, rowCount: rowCount)
    }
}
