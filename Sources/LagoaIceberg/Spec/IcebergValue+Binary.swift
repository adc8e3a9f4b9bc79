extension IcebergValue {
    /// The spec's single-value binary serialization (Appendix D), used for column bounds in
    /// manifests: little-endian numbers, UTF-8 strings, big-endian uuids, minimal big-endian
    /// two's-complement decimals.
    public var binary: [UInt8] {
        switch self {
        case .boolean(let b): [b ? 1 : 0]
        case .int(let v), .date(let v): littleEndian(UInt32(bitPattern: v), 4)
        case .long(let v), .time(let v), .timestamp(let v), .timestamptz(let v), .timestampNs(let v),
            .timestamptzNs(let v):
            littleEndian(UInt64(bitPattern: v), 8)
        case .float(let f): littleEndian(UInt64(f.bitPattern), 4)
        case .double(let d): littleEndian(d.bitPattern, 8)
        case .decimal(let unscaled, _): Self.minimalTwosComplement(unscaled)
        case .string(let s): Array(s.utf8)
        case .uuid(let b), .fixed(let b), .binary(let b): b
        }
    }

    /// Decodes the single-value serialization of a value of `type`.
    /// - Throws: when the byte count does not fit the type.
    public init(binary bytes: [UInt8], type: IcebergType) throws(IcebergError) {
        func int(_ width: Int) throws(IcebergError) -> UInt64 {
            guard bytes.count == width else {
                throw IcebergError(.invalidMetadata, "a \(type) bound must have \(width) bytes, found \(bytes.count)")
            }
            var v: UInt64 = 0
            for (k, byte) in bytes.enumerated() { v |= UInt64(byte) << (8 * UInt64(k)) }
            return v
        }
        switch type {
        case .boolean:
            guard bytes.count == 1 else { throw IcebergError(.invalidMetadata, "a boolean bound must have 1 byte") }
            self = .boolean(bytes[0] != 0)
        case .int: self = .int(Int32(bitPattern: UInt32(try int(4))))
        case .date: self = .date(Int32(bitPattern: UInt32(try int(4))))
        case .long:
            // Iceberg allows an int bound for a column promoted to long.
            self = bytes.count == 4 ? .long(Int64(Int32(bitPattern: UInt32(try int(4))))) : .long(Int64(bitPattern: try int(8)))
        case .time: self = .time(Int64(bitPattern: try int(8)))
        case .timestamp: self = .timestamp(Int64(bitPattern: try int(8)))
        case .timestamptz: self = .timestamptz(Int64(bitPattern: try int(8)))
        case .timestampNs: self = .timestampNs(Int64(bitPattern: try int(8)))
        case .timestamptzNs: self = .timestamptzNs(Int64(bitPattern: try int(8)))
        case .float: self = .float(Float(bitPattern: UInt32(try int(4))))
        case .double:
            self = bytes.count == 4 ? .double(Double(Float(bitPattern: UInt32(try int(4))))) : .double(Double(bitPattern: try int(8)))
        case .decimal(_, let scale):
            guard !bytes.isEmpty, bytes.count <= 16 else {
                throw IcebergError(.invalidMetadata, "a \(type) bound must have 1 to 16 bytes, found \(bytes.count)")
            }
            var v = Int128(Int8(bitPattern: bytes[0]))
            for byte in bytes.dropFirst() { v = (v << 8) | Int128(byte) }
            self = .decimal(unscaled: v, scale: scale)
        case .string: self = .string(String(decoding: bytes, as: UTF8.self))
        case .uuid:
            guard bytes.count == 16 else { throw IcebergError(.invalidMetadata, "a uuid bound must have 16 bytes, found \(bytes.count)") }
            self = .uuid(bytes)
        case .fixed: self = .fixed(bytes)
        case .binary: self = .binary(bytes)
        case .structType, .list, .map:
            throw IcebergError(.invalidMetadata, "nested type \(type) has no single-value serialization")
        }
    }

    /// The bytes the bucket transform hashes (spec Appendix B): ints and longs both as 8-byte
    /// little-endian longs, strings as UTF-8, uuids big-endian, decimals as minimal big-endian bytes.
    var bucketBytes: [UInt8] {
        switch self {
        case .int(let v), .date(let v): littleEndian(UInt64(bitPattern: Int64(v)), 8)
        case .float(let f): littleEndian(Double(f).bitPattern, 8)
        default: binary
        }
    }

    static func minimalTwosComplement(_ value: Int128) -> [UInt8] {
        var bytes: [UInt8] = []
        var v = value
        repeat {
            bytes.append(UInt8(truncatingIfNeeded: v))
            v >>= 8
        } while !(v == 0 && bytes.last! & 0x80 == 0) && !(v == -1 && bytes.last! & 0x80 != 0)
        return bytes.reversed()
    }
}

private func littleEndian(_ value: UInt64, _ width: Int) -> [UInt8] {
    (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
}

private func littleEndian(_ value: UInt32, _ width: Int) -> [UInt8] {
    littleEndian(UInt64(value), width)
}
