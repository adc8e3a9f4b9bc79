/// One column of values in Arrow's memory layout: an optional validity bitmap plus type-specific
/// buffers and children. Slicing is O(1): it shares buffers and moves ``offset``.
///
/// Layout by type (indices below are *absolute*, i.e. already include ``offset``):
/// - boolean: ``values`` holds one bit per value.
/// - fixed-width types: ``values`` holds `width` bytes per value.
/// - string, binary: ``values`` holds `Int64` offsets (one more than the values), ``data`` the bytes.
/// - list: ``values`` holds `Int64` offsets into ``children``[0].
/// - map: ``values`` holds `Int64` offsets into ``children``[0], a struct column of `key`, `value`.
/// - struct: no buffers; ``children`` are the fields, aligned with the parent: element `offset + i`
///   of each child (indexed within the child) belongs to parent element `i`, as in Arrow.
/// - list/map children are indexed within the child by the offsets.
public struct Column: Sendable {
    public let type: DataType
    /// Number of values.
    public let count: Int
    /// Index of the first value within the buffers.
    public let offset: Int
    /// Number of null values within `[offset, offset + count)`.
    public let nullCount: Int
    /// One bit per value, 1 = valid; `nil` when no value is null.
    public let validity: Buffer?
    public let values: Buffer?
    public let data: Buffer?
    public let children: [Column]

    /// Assembles a column from its parts.
    ///
    /// - Precondition: the buffers are large enough for `offset + count` values; builders and readers
    ///   guarantee this, user input never reaches here unchecked.
    public init(
        type: DataType,
        count: Int,
        offset: Int = 0,
        nullCount: Int? = nil,
        validity: Buffer? = nil,
        values: Buffer? = nil,
        data: Buffer? = nil,
        children: [Column] = []
    ) {
        self.type = type
        self.count = count
        self.offset = offset
        self.validity = validity
        self.values = values
        self.data = data
        self.children = children
        if let nullCount {
            self.nullCount = nullCount
        } else if let validity {
            self.nullCount = count - Bitmap.countSet(validity.pointer, start: offset, length: count)
        } else {
            self.nullCount = 0
        }
    }

    /// Whether value `i` (relative to the slice) is valid (not null).
    @inline(__always)
    public func isValid(_ i: Int) -> Bool {
        guard let validity else { return true }
        return Bitmap.get(validity.pointer, offset + i)
    }

    /// Whether value `i` is null.
    @inline(__always)
    public func isNull(_ i: Int) -> Bool { !isValid(i) }

    /// The fixed-width values of this slice, typed. Null slots hold unspecified values.
    public func values<T: BitwiseCopyable>(as: T.Type) -> UnsafeBufferPointer<T> {
        guard let values else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: values.pointer.assumingMemoryBound(to: T.self) + offset, count: count)
    }

    /// The `count + 1` offsets of this slice (string, binary, list, map).
    public var offsets: UnsafeBufferPointer<Int64> {
        guard let values else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: values.pointer.assumingMemoryBound(to: Int64.self) + offset, count: count + 1)
    }

    /// The boolean at `i`.
    @inline(__always)
    public func bool(at i: Int) -> Bool {
        Bitmap.get(values!.pointer, offset + i)
    }

    /// The bytes of the string/binary value at `i`.
    public func bytes(at i: Int) -> UnsafeRawBufferPointer {
        let o = values!.pointer.assumingMemoryBound(to: Int64.self) + offset + i
        let start = Int(o[0])
        let end = Int(o[1])
        return UnsafeRawBufferPointer(start: data!.pointer + start, count: end - start)
    }

    /// The string at `i` (invalid UTF-8 is repaired with U+FFFD).
    public func string(at i: Int) -> String {
        String(decoding: bytes(at: i), as: UTF8.self)
    }

    /// The bytes of the fixed-size binary value at `i`.
    public func fixedBytes(at i: Int) -> UnsafeRawBufferPointer {
        guard case .fixedSizeBinary(let width) = type else { preconditionFailure("fixedBytes(at:) on \(type)") }
        return UnsafeRawBufferPointer(start: values!.pointer + (offset + i) * width, count: width)
    }

    /// Field `k` of a struct column, sliced to this column's rows.
    public func field(_ k: Int) -> Column {
        children[k].slice(offset, count)
    }

    /// The element range within ``children``[0] of list/map value `i`.
    public func childRange(at i: Int) -> Range<Int> {
        let o = offsets
        return Int(o[i])..<Int(o[i + 1])
    }

    /// A zero-copy view of `length` values starting at `start` (relative to this slice).
    /// - Complexity: O(1), plus O(length/64) to count nulls.
    public func slice(_ start: Int, _ length: Int) -> Column {
        precondition(start >= 0 && length >= 0 && start + length <= count, "slice \(start)..<\(start + length) outside 0..<\(count)")
        if start == 0 && length == count { return self }
        return Column(
            type: type,
            count: length,
            offset: offset + start,
            nullCount: validity == nil ? 0 : nil,
            validity: validity,
            values: values,
            data: data,
            children: children
        )
    }
}
