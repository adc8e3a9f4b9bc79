import LagoaColumnar

/// Turns a leaf's decoded physical values into an Arrow column of the leaf's Arrow type: narrowing
/// INT(8/16), widening decimals to 128 bits, INT96 to nanoseconds, FLOAT16 to Float.
enum PhysicalConverter {
    /// Nanoseconds per day, and the Julian day number of 1970-01-01, for INT96 timestamps.
    static let nanosPerDay: Int64 = 86_400 * 1_000_000_000
    static let julianEpochDay: Int64 = 2_440_588

    /// - Throws: ``ParquetError`` when a BYTE_ARRAY decimal is longer than 16 bytes.
    /// - Complexity: O(n).
    static func column(_ decoded: consuming DecodedValues, descriptor: ColumnDescriptor) throws(ParquetError) -> Column {
        let type = descriptor.arrowType
        let n = decoded.count
        let physical = descriptor.physicalType
        switch (physical, type) {
        case (.boolean, .boolean), (.int32, .int32), (.int32, .date32), (.int32, .uint32),
            (.int64, .int64), (.int64, .uint64), (.int64, .time64), (.int64, .timestamp),
            (.float, .float32), (.double, .float64), (.fixedLenByteArray, .fixedSizeBinary):
            return Column(type: type, count: n, nullCount: 0, values: decoded.values.finish())
        case (.byteArray, .string), (.byteArray, .binary):
            return Column(type: type, count: n, nullCount: 0, values: decoded.values.finish(), data: decoded.data.finish())
        case (.int32, .int8):
            return narrow(decoded.values, n, Int8.self, type)
        case (.int32, .int16):
            return narrow(decoded.values, n, Int16.self, type)
        case (.int32, .uint8):
            return narrow(decoded.values, n, UInt8.self, type)
        case (.int32, .uint16):
            return narrow(decoded.values, n, UInt16.self, type)
        case (.int32, .time64):
            var out = MutableBuffer(capacity: n * 8)
            let src = decoded.values.typed(Int32.self)
            let dst = out.typed(Int64.self)
            for i in 0..<n { dst[i] = Int64(src[i]) }
            out.count = n * 8
            return Column(type: type, count: n, nullCount: 0, values: out.finish())
        case (.int32, .decimal128):
            return widenDecimal(decoded.values, n, Int32.self, type)
        case (.int64, .decimal128):
            return widenDecimal(decoded.values, n, Int64.self, type)
        case (.int96, .timestamp):
            var out = MutableBuffer(capacity: n * 8)
            let src = decoded.values.pointer
            let dst = out.typed(Int64.self)
            for i in 0..<n {
                let nanos = src.loadUnaligned(fromByteOffset: i * 12, as: Int64.self)
                let day = Int64(src.loadUnaligned(fromByteOffset: i * 12 + 8, as: Int32.self))
                dst[i] = (day &- julianEpochDay) &* nanosPerDay &+ nanos
            }
            out.count = n * 8
            return Column(type: type, count: n, nullCount: 0, values: out.finish())
        case (.fixedLenByteArray, .decimal128):
            let width = descriptor.typeLength
            guard width <= 16 else {
                throw ParquetError.unsupported("DECIMAL column '\(descriptor.dottedPath)' uses \(width)-byte values; Lagoa reads decimals of up to 16 bytes")
            }
            var out = MutableBuffer(capacity: n * 16)
            let dst = out.typed(Int128.self)
            let src = decoded.values.pointer
            if width <= 8 && width > 0 {
                // Most decimals (precision ≤ 18) fit 8 bytes: one unaligned big-endian load puts
                // the value in the high bytes, an arithmetic shift sign-extends it. The last few
                // values, whose 8-byte load would pass the end, are assembled byte by byte.
                let shift = UInt64(64 - 8 * width)
                let fast = n * width >= 8 ? (n * width - 8) / width + 1 : 0
                for i in 0..<fast {
                    let raw = UInt64(bigEndian: src.loadUnaligned(fromByteOffset: i * width, as: UInt64.self))
                    dst[i] = Int128(Int64(bitPattern: raw) >> Int64(shift))
                }
                for i in fast..<n {
                    let p = src + i * width
                    var v: UInt64 = 0
                    for k in 0..<width { v = (v << 8) | UInt64(p.load(fromByteOffset: k, as: UInt8.self)) }
                    dst[i] = Int128(Int64(bitPattern: v << shift) >> Int64(shift))
                }
            } else {
                for i in 0..<n {
                    dst[i] = bigEndianDecimal(src + i * width, width)
                }
            }
            out.count = n * 16
            return Column(type: type, count: n, nullCount: 0, values: out.finish())
        case (.byteArray, .decimal128):
            var out = MutableBuffer(capacity: n * 16)
            let dst = out.typed(Int128.self)
            let offsets = decoded.values.typed(Int64.self)
            for i in 0..<n {
                let start = Int(offsets[i])
                let width = Int(offsets[i + 1]) - start
                guard width <= 16 else {
                    throw ParquetError.corrupt("DECIMAL value \(i) of column '\(descriptor.dottedPath)' is \(width) bytes long; at most 16 fit 38 digits")
                }
                dst[i] = bigEndianDecimal(decoded.data.pointer + start, width)
            }
            out.count = n * 16
            return Column(type: type, count: n, nullCount: 0, values: out.finish())
        case (.fixedLenByteArray, .float32):
            var out = MutableBuffer(capacity: n * 4)
            let dst = out.typed(Float.self)
            for i in 0..<n {
                dst[i] = halfToFloat(decoded.values.pointer.loadUnaligned(fromByteOffset: i * 2, as: UInt16.self))
            }
            out.count = n * 4
            return Column(type: type, count: n, nullCount: 0, values: out.finish())
        default:
            throw ParquetError(.internal, "no conversion from \(physical) to \(type) for column '\(descriptor.dottedPath)'; this is a bug, please report it")
        }
    }

    private static func narrow<T: FixedWidthInteger & BitwiseCopyable>(_ values: borrowing MutableBuffer, _ n: Int, _: T.Type, _ type: DataType) -> Column {
        var out = MutableBuffer(capacity: n * MemoryLayout<T>.stride)
        let src = values.typed(Int32.self)
        let dst = out.typed(T.self)
        for i in 0..<n { dst[i] = T(truncatingIfNeeded: src[i]) }
        out.count = n * MemoryLayout<T>.stride
        return Column(type: type, count: n, nullCount: 0, values: out.finish())
    }

    private static func widenDecimal<T: FixedWidthInteger & SignedInteger & BitwiseCopyable>(_ values: borrowing MutableBuffer, _ n: Int, _: T.Type, _ type: DataType) -> Column {
        var out = MutableBuffer(capacity: n * 16)
        let src = values.typed(T.self)
        let dst = out.typed(Int128.self)
        for i in 0..<n { dst[i] = Int128(src[i]) }
        out.count = n * 16
        return Column(type: type, count: n, nullCount: 0, values: out.finish())
    }

    /// A big-endian two's-complement integer of `width` (0...16) bytes.
    @inline(__always)
    static func bigEndianDecimal(_ p: UnsafeRawPointer, _ width: Int) -> Int128 {
        guard width > 0 else { return 0 }
        var value: Int128 = (p.load(as: Int8.self) < 0) ? -1 : 0
        for k in 0..<width {
            value = (value << 8) | Int128(p.load(fromByteOffset: k, as: UInt8.self))
        }
        return value
    }

    /// IEEE 754 half precision to single precision.
    static func halfToFloat(_ h: UInt16) -> Float {
        let sign = UInt32(h >> 15) << 31
        let exponent = UInt32((h >> 10) & 0x1F)
        let mantissa = UInt32(h & 0x3FF)
        if exponent == 0 {
            let magnitude = Float(mantissa) * Float(sign: .plus, exponent: -24, significand: 1)
            return sign != 0 ? -magnitude : magnitude
        }
        if exponent == 31 {
            return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
        }
        return Float(bitPattern: sign | ((exponent + 112) << 23) | (mantissa << 13))
    }
}
