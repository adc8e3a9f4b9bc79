import LagoaAvro

extension IcebergValue {
    /// The Avro datum of a partition value (the physical form ``ManifestSchemas/avroType(_:)`` declares).
    func avroValue(_ type: IcebergType) -> AvroValue {
        switch self {
        case .boolean(let b): return .boolean(b)
        case .int(let v): return type == .long ? .long(Int64(v)) : .int(v)
        case .date(let v): return .int(v)
        case .long(let v), .time(let v), .timestamp(let v), .timestamptz(let v), .timestampNs(let v), .timestamptzNs(let v):
            return .long(v)
        case .float(let f): return type == .double ? .double(Double(f)) : .float(f)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .uuid(let b), .fixed(let b): return .fixed(b)
        case .binary(let b): return .bytes(b)
        case .decimal(let unscaled, _):
            guard case .decimal(let p, _) = type else { return .bytes(Self.minimalTwosComplement(unscaled)) }
            let size = ManifestSchemas.decimalBytes(p)
            var bytes = [UInt8](repeating: unscaled < 0 ? 0xFF : 0, count: size)
            var v = unscaled
            for k in stride(from: size - 1, through: 0, by: -1) {
                bytes[k] = UInt8(truncatingIfNeeded: v)
                v >>= 8
            }
            return .fixed(bytes)
        }
    }

    /// A partition value read from a manifest, as a value of Iceberg `type`.
    init?(avro: AvroValue, type: IcebergType) {
        switch (avro, type) {
        case (.null, _): return nil
        case (.boolean(let b), .boolean): self = .boolean(b)
        case (.int(let v), .int): self = .int(v)
        case (.int(let v), .date): self = .date(v)
        case (.int(let v), .long): self = .long(Int64(v))
        case (.long(let v), .long): self = .long(v)
        case (.long(let v), .time): self = .time(v)
        case (.long(let v), .timestamp): self = .timestamp(v)
        case (.long(let v), .timestamptz): self = .timestamptz(v)
        case (.long(let v), .timestampNs): self = .timestampNs(v)
        case (.long(let v), .timestamptzNs): self = .timestamptzNs(v)
        case (.float(let f), .float): self = .float(f)
        case (.float(let f), .double): self = .double(Double(f))
        case (.double(let d), .double): self = .double(d)
        case (.string(let s), .string): self = .string(s)
        case (.string(let s), .uuid):
            guard let b = AvroValue.uuidFixed(s)?.bytesValue else { return nil }
            self = .uuid(b)
        case (.fixed(let b), .uuid): self = .uuid(b)
        case (.fixed(let b), .fixed), (.bytes(let b), .fixed): self = .fixed(b)
        case (.bytes(let b), .binary), (.fixed(let b), .binary): self = .binary(b)
        case (.bytes(let b), .decimal(_, let s)), (.fixed(let b), .decimal(_, let s)):
            guard let v = try? IcebergValue(binary: b, type: .decimal(precision: 38, scale: s)) else { return nil }
            self = v
        default: return nil
        }
    }
}
