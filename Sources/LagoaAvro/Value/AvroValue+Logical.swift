extension AvroValue {
    /// A decimal's unscaled value as two's-complement big-endian bytes: `.bytes` with the fewest
    /// bytes that hold it, or `.fixed` sign-extended to `fixedSize` bytes.
    /// - Returns: `nil` when `fixedSize` is too small for the value.
    public static func decimal(unscaled: Int128, fixedSize: Int? = nil) -> AvroValue? {
        var bytes = withUnsafeBytes(of: unscaled.bigEndian) { Array($0) }
        // Drop leading bytes that only repeat the sign.
        while bytes.count > 1,
            (bytes[0] == 0x00 && bytes[1] & 0x80 == 0) || (bytes[0] == 0xFF && bytes[1] & 0x80 != 0)
        {
            bytes.removeFirst()
        }
        guard let fixedSize else { return .bytes(bytes) }
        guard bytes.count <= fixedSize else { return nil }
        let fill: UInt8 = unscaled < 0 ? 0xFF : 0x00
        return .fixed([UInt8](repeating: fill, count: fixedSize - bytes.count) + bytes)
    }

    /// The unscaled value of a decimal held as `.bytes` or `.fixed` (two's-complement big-endian).
    /// - Returns: `nil` for other values or when the value does not fit an `Int128`.
    public var decimalUnscaled: Int128? {
        guard let bytes = byteArray, !bytes.isEmpty else { return byteArray == nil ? nil : 0 }
        let negative = bytes[0] & 0x80 != 0
        var start = 0
        if bytes.count > 16 {
            // Longer encodings are fine when the extra bytes only repeat the sign.
            let extra = bytes.count - 16
            guard bytes[0..<extra].allSatisfy({ $0 == (negative ? 0xFF : 0x00) }),
                (bytes[extra] & 0x80 != 0) == negative
            else { return nil }
            start = extra
        }
        var value: UInt128 = negative ? UInt128.max : 0
        for byte in bytes[start...] {
            value = (value << 8) | UInt128(byte)
        }
        return Int128(bitPattern: value)
    }

    /// A uuid as Avro's `string` form (`.string`, lowercase, 8-4-4-4-12) from 16 bytes.
    public static func uuidString(_ bytes: [UInt8]) -> AvroValue? {
        guard bytes.count == 16 else { return nil }
        let hex = bytes.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }
        let groups = [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]]
        return .string(groups.map { $0.joined() }.joined(separator: "-"))
    }

    /// A uuid as `.fixed` of 16 bytes (Iceberg's form) from its text `8-4-4-4-12`.
    public static func uuidFixed(_ text: String) -> AvroValue? {
        uuidBytes(text).map { .fixed($0) }
    }

    /// The 16 bytes of a uuid given as `.fixed`/`.bytes` of 16 bytes or as `.string` text.
    public var uuidBytes: [UInt8]? {
        switch self {
        case .fixed(let bytes) where bytes.count == 16, .bytes(let bytes) where bytes.count == 16: bytes
        case .string(let text): Self.uuidBytes(text)
        default: nil
        }
    }

    private static func uuidBytes(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8.filter { $0 != UInt8(ascii: "-") })
        guard digits.count == 32, text.utf8.count == 36 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        var i = 0
        while i < 32 {
            guard let high = hexDigit(digits[i]), let low = hexDigit(digits[i + 1]) else { return nil }
            bytes.append(high << 4 | low)
            i += 2
        }
        return bytes
    }

    private static func hexDigit(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
