/// Appends Avro's binary encoding of primitive values to a byte array.
struct AvroEncoder {
    var bytes: [UInt8] = []

    @inline(__always)
    mutating func writeLong(_ value: Int64) {
        var n = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        while n >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: n) | 0x80)
            n >>= 7
        }
        bytes.append(UInt8(n))
    }

    @inline(__always)
    mutating func writeBoolean(_ value: Bool) { bytes.append(value ? 1 : 0) }

    @inline(__always)
    mutating func writeFloat(_ value: Float) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    mutating func writeDouble(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    mutating func writeBytes(_ value: [UInt8]) {
        writeLong(Int64(value.count))
        bytes.append(contentsOf: value)
    }

    @inline(__always)
    mutating func writeString(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            writeLong(Int64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }
}
