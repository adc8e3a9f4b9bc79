import LagoaColumnar

/// Converts selected Arrow values of a leaf into owned, dense ``PhysicalValues``, appending piece by
/// piece (one piece per buffered batch of a row group).
struct PhysicalValuesBuilder: ~Copyable {
    let conversion: PhysicalConversion
    /// Fixed-width values, boolean bytes, or BYTE_ARRAY offsets (starting with 0).
    private var values: MutableBuffer
    /// BYTE_ARRAY bytes.
    private var data: MutableBuffer
    private(set) var count = 0

    /// Creates a builder with room for about `capacity` values.
    init(conversion: PhysicalConversion, capacity: Int) {
        self.conversion = conversion
        if case .byteArray = conversion {
            values = MutableBuffer(capacity: (capacity + 1) * 8)
            values.append(Int64(0))
            data = MutableBuffer(capacity: capacity * 8)
        } else {
            values = MutableBuffer(capacity: capacity * conversion.width)
            data = MutableBuffer(capacity: 0)
        }
    }

    /// Appends the values of `column` that `selection` picks.
    /// - Throws: ``DecimalOverflow`` with the position within `selection` of a decimal that has
    ///   more digits than the column's precision.
    /// - Complexity: O(selected values + their bytes).
    mutating func append(_ column: Column, _ selection: ValueSelection) throws(DecimalOverflow) {
        let n = selection.count
        guard n > 0 else { return }
        switch conversion {
        case .boolean:
            let bits = column.values!.pointer
            let offset = column.offset
            let out = reserve(UInt8.self, n)
            Self.gather(selection, out) { i in Bitmap.get(bits, offset + i) ? 1 : 0 }
        case .copy(let width):
            appendCopies(column, selection, width: width)
        case .widen8(let signed):
            if signed {
                let src = column.values(as: Int8.self)
                Self.gather(selection, reserve(Int32.self, n)) { Int32(src[$0]) }
            } else {
                let src = column.values(as: UInt8.self)
                Self.gather(selection, reserve(Int32.self, n)) { Int32(src[$0]) }
            }
        case .widen16(let signed):
            if signed {
                let src = column.values(as: Int16.self)
                Self.gather(selection, reserve(Int32.self, n)) { Int32(src[$0]) }
            } else {
                let src = column.values(as: UInt16.self)
                Self.gather(selection, reserve(Int32.self, n)) { Int32(src[$0]) }
            }
        case .narrowTimeMillis:
            let src = column.values(as: Int64.self)
            Self.gather(selection, reserve(Int32.self, n)) { Int32(truncatingIfNeeded: src[$0]) }
        case .decimal(let precision, let width):
            try appendDecimals(column, selection, precision: precision, width: width)
        case .byteArray:
            appendByteArrays(column, selection)
        }
        count += n
    }

    /// Hands the values over.
    consuming func finish() -> PhysicalValues {
        let count = self.count
        let conversion = self.conversion
        let valueBuffer = values.finish()
        let dataBuffer = data.finish()
        return PhysicalValues(
            count: count, width: conversion.width, base: valueBuffer.pointer, data: dataBuffer.pointer,
            owners: [valueBuffer, dataBuffer], isBoolean: conversion == .boolean)
    }

    /// Makes room for `n` values of `T` past the end and counts them as written.
    private mutating func reserve<T>(_: T.Type, _ n: Int) -> UnsafeMutablePointer<T> {
        let bytes = n * MemoryLayout<T>.stride
        values.reserve(bytes)
        let out = (values.pointer + values.count).assumingMemoryBound(to: T.self)
        values.count += bytes
        return out
    }

    /// `out[k] = convert(index k of selection)` for every selected value.
    @inline(__always)
    private static func gather<T>(_ selection: ValueSelection, _ out: UnsafeMutablePointer<T>, _ convert: (Int) -> T) {
        switch selection {
        case .range(let range):
            var k = 0
            for i in range {
                out[k] = convert(i)
                k += 1
            }
        case .indices(let indices):
            indices.withUnsafeBufferPointer { idx in
                for k in 0..<idx.count { out[k] = convert(idx[k]) }
            }
        }
    }

    private mutating func appendCopies(_ column: Column, _ selection: ValueSelection, width: Int) {
        let n = selection.count
        let src = column.values!.pointer + column.offset * width
        switch (selection, width) {
        case (.range(let range), _):
            values.append(UnsafeRawBufferPointer(start: src + range.lowerBound * width, count: n * width))
        case (_, 4):
            let typed = src.assumingMemoryBound(to: UInt32.self)
            Self.gather(selection, reserve(UInt32.self, n)) { typed[$0] }
        case (_, 8):
            let typed = src.assumingMemoryBound(to: UInt64.self)
            Self.gather(selection, reserve(UInt64.self, n)) { typed[$0] }
        case (.indices(let indices), _):
            let out = reserve(UInt8.self, n * width)
            for (k, i) in indices.enumerated() {
                (out + k * width).update(from: (src + i * width).assumingMemoryBound(to: UInt8.self), count: width)
            }
        }
    }

    private mutating func appendDecimals(
        _ column: Column, _ selection: ValueSelection, precision: Int, width: Int
    ) throws(DecimalOverflow) {
        let src = column.values(as: Int128.self)
        let bound = DecimalBytes.bounds[precision]
        // 16 bytes of slack: values are stored with whole-word writes that spill past their width
        // into the next value's bytes, which that value then overwrites.
        let out = UnsafeMutableRawPointer(reserve(UInt8.self, selection.count * width + 16))
        values.count -= 16
        var k = 0
        func put(_ i: Int) throws(DecimalOverflow) {
            let value = src[i]
            guard value < bound && value > -bound else { throw DecimalOverflow(valueIndex: k, value: value) }
            DecimalBytes.storeBigEndianSpilling(value, width: width, to: out + k * width)
            k += 1
        }
        switch selection {
        case .range(let range):
            for i in range { try put(i) }
        case .indices(let indices):
            for i in indices { try put(i) }
        }
    }

    private mutating func appendByteArrays(_ column: Column, _ selection: ValueSelection) {
        let offsets = column.offsets
        let bytes = column.data?.pointer ?? Buffer.empty.pointer
        let n = selection.count
        var end = values.lastOffset
        switch selection {
        case .range(let range):
            let first = offsets[range.lowerBound]
            data.append(UnsafeRawBufferPointer(start: bytes + Int(first), count: Int(offsets[range.upperBound] - first)))
            let out = reserve(Int64.self, n)
            let shift = end - first
            for k in 0..<n { out[k] = offsets[range.lowerBound + k + 1] &+ shift }
        case .indices(let indices):
            var total = 0
            for i in indices { total += Int(offsets[i + 1] - offsets[i]) }
            data.reserve(total)
            let out = reserve(Int64.self, n)
            for (k, i) in indices.enumerated() {
                let start = Int(offsets[i])
                let length = Int(offsets[i + 1]) - start
                (data.pointer + data.count).copyMemory(from: bytes + start, byteCount: length)
                data.count += length
                end += Int64(length)
                out[k] = end
            }
        }
    }
}
