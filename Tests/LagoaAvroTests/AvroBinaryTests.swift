@testable import LagoaAvro
import Testing

@Suite("Avro binary encoding")
struct AvroBinaryTests {
    static let longCases: [(Int64, [UInt8])] = [
        (0, [0x00]), (-1, [0x01]), (1, [0x02]), (-2, [0x03]), (2, [0x04]),
        (63, [0x7E]), (-64, [0x7F]), (64, [0x80, 0x01]), (-65, [0x81, 0x01]),
        (8191, [0xFE, 0x7F]), (8192, [0x80, 0x80, 0x01]),
        (Int64(Int32.max), [0xFE, 0xFF, 0xFF, 0xFF, 0x0F]), (Int64(Int32.min), [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]),
        (Int64.max, [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
        (Int64.min, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
    ]

    @Test("zig-zag varints encode as the specification's examples and decode back", arguments: longCases)
    func varint(_ value: Int64, _ expected: [UInt8]) throws {
        var encoder = AvroEncoder()
        encoder.writeLong(value)
        #expect(encoder.bytes == expected)
        let decoded = try expected.withAvroBytes { raw throws(AvroError) in
            var cursor = AvroCursor(raw)
            let v = try cursor.readLong()
            #expect(cursor.isAtEnd)
            return v
        }
        #expect(decoded == value)
    }

    @Test("a varint longer than 10 bytes is corrupt")
    func overlongVarint() {
        let bytes = [UInt8](repeating: 0xFF, count: 11) + [0x01]
        #expect(throws: AvroError.self) {
            try bytes.withAvroBytes { raw throws(AvroError) in
                var cursor = AvroCursor(raw)
                _ = try cursor.readLong()
            }
        }
        do {
            try bytes.withAvroBytes { raw throws(AvroError) in
                var cursor = AvroCursor(raw)
                _ = try cursor.readLong()
            }
        } catch {
            #expect(error.message == "varint longer than 10 bytes at byte 10")
        }
    }

    @Test("an int beyond 32 bits, a truncated varint and a bad boolean are reported")
    func badPrimitives() {
        func message(_ bytes: [UInt8], _ read: (inout AvroCursor) throws(AvroError) -> Void) -> String? {
            do {
                try bytes.withAvroBytes { raw throws(AvroError) in
                    var cursor = AvroCursor(raw)
                    try read(&cursor)
                }
                return nil
            } catch {
                return error.message
            }
        }
        #expect(message([0x80, 0x80, 0x80, 0x80, 0x10]) { c throws(AvroError) in _ = try c.readInt() } == "int value 2147483648 at byte 5 does not fit 32 bits")
        #expect(message([0x80, 0x80]) { c throws(AvroError) in _ = try c.readLong() } == "data ends in the middle of a varint at byte 2 of 2")
        #expect(message([0x02]) { c throws(AvroError) in _ = try c.readBoolean() } == "boolean byte 2 at byte 0 is neither 0 nor 1")
        #expect(message([0x01]) { c throws(AvroError) in _ = try c.readString() } == "negative string length -1 at byte 1")
        #expect(message([0x08, 0x41]) { c throws(AvroError) in _ = try c.readBytes() } == "bytes length 4 at byte 1 is larger than the 1 bytes left")
        #expect(message([0x00, 0x00]) { c throws(AvroError) in _ = try c.readDouble() } == "data ends in the middle of a double at byte 0 of 2")
    }

    @Test("floats and doubles are little-endian IEEE 754")
    func floats() throws {
        var encoder = AvroEncoder()
        encoder.writeFloat(1.5)
        encoder.writeDouble(-2.25)
        #expect(encoder.bytes == [0x00, 0x00, 0xC0, 0x3F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0xC0])
        let (f, d) = try encoder.bytes.withAvroBytes { raw throws(AvroError) in
            var cursor = AvroCursor(raw)
            return (try cursor.readFloat(), try cursor.readDouble())
        }
        #expect(f == 1.5 && d == -2.25)
    }

    @Test("decimal helpers convert unscaled values to minimal two's complement and back")
    func decimals() {
        let cases: [(Int128, [UInt8])] = [
            (0, [0x00]), (1, [0x01]), (-1, [0xFF]), (127, [0x7F]), (128, [0x00, 0x80]), (-128, [0x80]),
            (-129, [0xFF, 0x7F]), (Int128.max, [0x7F] + [UInt8](repeating: 0xFF, count: 15)),
            (Int128.min, [0x80] + [UInt8](repeating: 0x00, count: 15)),
        ]
        for (value, bytes) in cases {
            #expect(AvroValue.decimal(unscaled: value) == .bytes(bytes), "\(value)")
            #expect(AvroValue.bytes(bytes).decimalUnscaled == value)
        }
        #expect(AvroValue.decimal(unscaled: -2, fixedSize: 4) == .fixed([0xFF, 0xFF, 0xFF, 0xFE]))
        #expect(AvroValue.fixed([0xFF, 0xFF, 0xFF, 0xFE]).decimalUnscaled == -2)
        #expect(AvroValue.decimal(unscaled: 70000, fixedSize: 2) == nil)
        #expect(AvroValue.fixed([0x01] + [UInt8](repeating: 0, count: 16)).decimalUnscaled == nil)
        #expect(AvroValue.fixed([UInt8](repeating: 0, count: 17) + [5]).decimalUnscaled == 5)
        #expect(AvroValue.fixed([UInt8](repeating: 0xFF, count: 17) + [0xFB]).decimalUnscaled == -5)
        #expect(AvroValue.fixed([UInt8](repeating: 0, count: 15) + [5]).decimalUnscaled == 5)
    }

    @Test("uuid helpers convert between text and 16 bytes")
    func uuids() {
        let text = "0123abcd-4567-89ef-0123-456789abcdef"
        let fixed = AvroValue.uuidFixed(text)
        #expect(fixed?.byteArray?.count == 16)
        #expect(fixed.flatMap { AvroValue.uuidString($0.byteArray!) } == .string(text))
        #expect(AvroValue.string(text).uuidBytes == fixed?.byteArray)
        #expect(AvroValue.uuidFixed("not-a-uuid") == nil)
    }
}
