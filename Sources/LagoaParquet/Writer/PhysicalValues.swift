import LagoaColumnar

/// The dense (non-null) physical values of one leaf column chunk, laid out as the encoders read
/// them. Either borrowed from the Arrow buffers (when no conversion is needed) or owned.
///
/// - BOOLEAN: one byte per value, 0 or 1.
/// - fixed width: `width` little-endian bytes per value (FLBA: the raw bytes).
/// - BYTE_ARRAY: `count + 1` `Int64` offsets at ``base`` into ``data``; value `i` is
///   `data[offsets[i]..<offsets[i+1]]` (offsets need not start at 0).
struct PhysicalValues {
    let count: Int
    /// Bytes per value; 0 for BYTE_ARRAY.
    let width: Int
    let base: UnsafeRawPointer
    let data: UnsafeRawPointer
    /// Whether the values are booleans, one byte each.
    let isBoolean: Bool
    /// Keeps the memory behind ``base`` and ``data`` alive.
    private let owners: [Buffer]

    init(count: Int, width: Int, base: UnsafeRawPointer, data: UnsafeRawPointer, owners: [Buffer], isBoolean: Bool = false) {
        self.count = count
        self.width = width
        self.base = base
        self.data = data
        self.owners = owners
        self.isBoolean = isBoolean
    }

    /// Whether the values are byte arrays with offsets.
    var isByteArray: Bool { width == 0 }

    /// The `count + 1` offsets of BYTE_ARRAY values.
    var offsets: UnsafePointer<Int64> { base.assumingMemoryBound(to: Int64.self) }

    /// Values `range` as typed fixed-width values.
    @inline(__always)
    func fixed<T: BitwiseCopyable>(_: T.Type, _ range: Range<Int>) -> UnsafeBufferPointer<T> {
        UnsafeBufferPointer(start: base.assumingMemoryBound(to: T.self) + range.lowerBound, count: range.count)
    }

    /// The `range.count + 1` offsets of BYTE_ARRAY values `range`.
    @inline(__always)
    func offsets(_ range: Range<Int>) -> UnsafeBufferPointer<Int64> {
        UnsafeBufferPointer(start: offsets + range.lowerBound, count: range.count + 1)
    }

    /// The bytes of value `i` (BYTE_ARRAY or fixed width).
    @inline(__always)
    func bytes(at i: Int) -> UnsafeRawBufferPointer {
        if width > 0 {
            return UnsafeRawBufferPointer(start: base + i * width, count: width)
        }
        let start = Int(offsets[i])
        return UnsafeRawBufferPointer(start: data + start, count: Int(offsets[i + 1]) - start)
    }

    /// The PLAIN-encoded size of values `range`.
    /// - Complexity: O(1).
    func plainSize(_ range: Range<Int>) -> Int {
        if isBoolean { return (range.count + 7) / 8 }
        if width > 0 { return range.count * width }
        return 4 * range.count + Int(offsets[range.upperBound] - offsets[range.lowerBound])
    }

    /// The values of `column` at `range`, shared without copying when the conversion is a plain copy.
    /// - Returns: `nil` when the values need converting.
    /// - Complexity: O(1).
    static func borrowing(_ column: Column, _ range: Range<Int>, _ conversion: PhysicalConversion) -> PhysicalValues? {
        let empty = Buffer.empty
        switch conversion {
        case .copy(let width):
            guard let values = column.values else { return nil }
            return PhysicalValues(
                count: range.count, width: width, base: values.pointer + (column.offset + range.lowerBound) * width,
                data: empty.pointer, owners: [values])
        case .byteArray:
            guard let values = column.values else { return nil }
            let data = column.data ?? empty
            return PhysicalValues(
                count: range.count, width: 0, base: values.pointer + (column.offset + range.lowerBound) * 8,
                data: data.pointer, owners: [values, data])
        default:
            return nil
        }
    }
}
