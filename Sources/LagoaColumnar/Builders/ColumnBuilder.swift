/// Builds a ``Column`` of any ``DataType`` value by value.
///
/// Fast typed appends (``appendFixed(_:)``, ``appendBytes(_:)``, ``appendBool(_:)``) serve readers
/// such as CSV; ``append(_:)`` takes a ``Value`` for slow paths and tests. Nested types build their
/// children through ``children`` and then close the parent value with ``appendListEnd()``,
/// ``appendStructValid()`` or ``appendNull()``.
///
/// - Complexity: amortised O(1) per fixed-width value, O(bytes) per string.
public final class ColumnBuilder {
    public let type: DataType
    // A builder is used from one thread at a time; unchecked exclusivity spares every append the
    // runtime's dynamic access tracking (it was a third of a PostgreSQL decode's time).
    @exclusivity(unchecked) public private(set) var count = 0
    @exclusivity(unchecked) public private(set) var nullCount = 0
    @exclusivity(unchecked) private var validity = MutableBuffer(capacity: 0)
    @exclusivity(unchecked) private var tracksNulls = false
    @exclusivity(unchecked) private var values: MutableBuffer
    @exclusivity(unchecked) private var data: MutableBuffer
    /// Child builders: the element of a list, the fields of a struct, the entries struct of a map.
    public let children: [ColumnBuilder]

    public init(_ type: DataType, capacity: Int = 0) {
        self.type = type
        self.values = MutableBuffer(capacity: (type.fixedWidth ?? 8) * capacity + 8)
        self.data = MutableBuffer(capacity: type.isVariableBinary ? capacity * 8 : 0)
        switch type {
        case .list(let element):
            children = [ColumnBuilder(element.type, capacity: capacity)]
        case .struct(let fields):
            children = fields.map { ColumnBuilder($0.type, capacity: capacity) }
        case .map(let key, let value, _):
            children = [ColumnBuilder(.struct([key, value]), capacity: capacity)]
        default:
            children = []
        }
        if type.isVariableBinary || Self.hasOffsets(type) {
            values.append(Int64(0))
        }
    }

    private static func hasOffsets(_ type: DataType) -> Bool {
        switch type {
        case .list, .map: true
        default: false
        }
    }

    @inline(__always)
    private func markValid() {
        if tracksNulls {
            if count & 7 == 0 { validity.append(UInt8(0)) }
            Bitmap.set(validity.pointer, count)
        }
        count += 1
    }

    /// Appends a null (for struct columns, children receive a null too).
    public func appendNull() {
        if !tracksNulls {
            tracksNulls = true
            validity.appendZeros(Bitmap.byteCount(count))
            validity.pointer.initializeMemory(as: UInt8.self, repeating: 0xFF, count: Bitmap.byteCount(count))
        }
        if count & 7 == 0 { validity.append(UInt8(0)) }
        Bitmap.clear(validity.pointer, count)
        switch type {
        case .boolean:
            if count & 7 == 0 { values.append(UInt8(0)) }
        case .string, .binary:
            values.append(Int64(data.count))
        case .list, .map:
            values.append(Int64(children[0].count))
        case .struct:
            for child in children { child.appendNull() }
        default:
            values.appendZeros(type.fixedWidth!)
        }
        count += 1
        nullCount += 1
    }

    /// Appends a fixed-width value; `T` must match the type's width.
    @inline(__always)
    public func appendFixed<T: BitwiseCopyable>(_ value: T) {
        values.append(value)
        markValid()
    }

    /// Appends a boolean.
    public func appendBool(_ value: Bool) {
        if count & 7 == 0 { values.append(UInt8(0)) }
        if value { Bitmap.set(values.pointer, count) }
        markValid()
    }

    /// Appends a string or binary value.
    public func appendBytes(_ bytes: UnsafeRawBufferPointer) {
        data.append(bytes)
        values.append(Int64(data.count))
        markValid()
    }

    /// Appends a string.
    public func appendString(_ string: String) {
        var string = string
        string.withUTF8 { appendBytes(UnsafeRawBufferPointer($0)) }
    }

    /// Closes a list or map value whose elements were appended to ``children``[0].
    public func appendListEnd() {
        values.append(Int64(children[0].count))
        markValid()
    }

    /// Closes a valid struct value whose fields were appended to ``children``.
    public func appendStructValid() {
        markValid()
    }

    /// Appends a ``Value``, converting between numeric representations where lossless.
    /// - Precondition: the value's kind fits the builder's type (callers convert user input first).
    public func append(_ value: Value) {
        if case .null = value { appendNull(); return }
        switch (type, value) {
        case (.boolean, .bool(let b)): appendBool(b)
        case (.int8, .int(let v)): appendFixed(Int8(truncatingIfNeeded: v))
        case (.int16, .int(let v)): appendFixed(Int16(truncatingIfNeeded: v))
        case (.int32, .int(let v)), (.date32, .int(let v)): appendFixed(Int32(truncatingIfNeeded: v))
        case (.int64, .int(let v)), (.time64, .int(let v)), (.timestamp, .int(let v)): appendFixed(v)
        case (.uint8, .uint(let v)): appendFixed(UInt8(truncatingIfNeeded: v))
        case (.uint16, .uint(let v)): appendFixed(UInt16(truncatingIfNeeded: v))
        case (.uint32, .uint(let v)): appendFixed(UInt32(truncatingIfNeeded: v))
        case (.uint64, .uint(let v)): appendFixed(v)
        case (.float32, .float(let v)): appendFixed(v)
        case (.float32, .double(let v)): appendFixed(Float(v))
        case (.float64, .double(let v)): appendFixed(v)
        case (.float64, .float(let v)): appendFixed(Double(v))
        case (.float64, .int(let v)): appendFixed(Double(v))
        case (.decimal128, .decimal(let v, _)): appendFixed(v)
        case (.decimal128, .int(let v)): appendFixed(Int128(v))
        case (.date32, .date(let d)): appendFixed(d)
        case (.time64, .time(let t, _)): appendFixed(t)
        case (.timestamp, .timestamp(let t, _, _)): appendFixed(t)
        case (.string, .string(let s)): appendString(s)
        case (.binary, .binary(let b)), (.string, .binary(let b)): b.withUnsafeBytes { appendBytes($0) }
        case (.fixedSizeBinary(let w), .binary(let b)):
            precondition(b.count == w, "fixed_size_binary[\(w)] value of \(b.count) bytes")
            b.withUnsafeBytes { values.append($0) }
            markValid()
        case (.list, .list(let items)):
            for item in items { children[0].append(item) }
            appendListEnd()
        case (.struct, .struct(let fields)):
            precondition(fields.count == children.count, "struct value with \(fields.count) fields for \(type)")
            for (child, field) in zip(children, fields) { child.append(field) }
            appendStructValid()
        case (.map, .map(let keys, let vals)):
            let entries = children[0]
            for (k, v) in zip(keys, vals) {
                entries.children[0].append(k)
                entries.children[1].append(v)
                entries.appendStructValid()
            }
            appendListEnd()
        default:
            preconditionFailure("cannot append \(value) to a \(type) column")
        }
    }

    /// Finishes the column; the builder must not be used afterwards.
    public func finish() -> Column {
        let validityBuffer: Buffer? = nullCount > 0 ? swapOut(&validity).finish() : nil
        let valuesBuffer: Buffer? = type.isNested && !Self.hasOffsets(type) ? nil : swapOut(&values).finish()
        let dataBuffer: Buffer? = type.isVariableBinary ? swapOut(&data).finish() : nil
        return Column(
            type: type,
            count: count,
            nullCount: nullCount,
            validity: validityBuffer,
            values: valuesBuffer,
            data: dataBuffer,
            children: children.map { $0.finish() }
        )
    }

    private func swapOut(_ buffer: inout MutableBuffer) -> MutableBuffer {
        var other = MutableBuffer(capacity: 0)
        swap(&other, &buffer)
        return other
    }
}
