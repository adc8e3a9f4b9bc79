/// Reads Avro's binary encoding from a byte buffer: zig-zag varints, IEEE floats little-endian,
/// length-prefixed bytes and strings.
///
/// The buffer must outlive the cursor (it is used inside `withUnsafeBytes`). Every read checks the
/// remaining length and throws ``AvroError/Code/corruptFile`` instead of reading past the end.
struct AvroCursor {
    let base: UnsafeRawPointer?
    let count: Int
    var position: Int = 0

    init(_ buffer: UnsafeRawBufferPointer) {
        base = buffer.baseAddress
        count = buffer.count
    }

    var remaining: Int { count - position }
    var isAtEnd: Bool { position >= count }

    @inline(__always)
    func truncated(_ what: String) -> AvroError {
        AvroError(.corruptFile, "data ends in the middle of \(what) at byte \(position) of \(count)")
    }

    /// A zig-zag varint of at most 10 bytes.
    @inline(__always)
    mutating func readLong() throws(AvroError) -> Int64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < count else { throw truncated("a varint") }
            let byte = base.unsafelyUnwrapped.load(fromByteOffset: position, as: UInt8.self)
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
            guard shift < 64 else { throw AvroError(.corruptFile, "varint longer than 10 bytes at byte \(position)") }
        }
        return Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1)))
    }

    /// A zig-zag varint that must fit an `Int32`.
    @inline(__always)
    mutating func readInt() throws(AvroError) -> Int32 {
        let value = try readLong()
        guard let narrow = Int32(exactly: value) else {
            throw AvroError(.corruptFile, "int value \(value) at byte \(position) does not fit 32 bits")
        }
        return narrow
    }

    @inline(__always)
    mutating func readBoolean() throws(AvroError) -> Bool {
        guard position < count else { throw truncated("a boolean") }
        let byte = base.unsafelyUnwrapped.load(fromByteOffset: position, as: UInt8.self)
        position += 1
        guard byte <= 1 else { throw AvroError(.corruptFile, "boolean byte \(byte) at byte \(position - 1) is neither 0 nor 1") }
        return byte == 1
    }

    @inline(__always)
    mutating func readFloat() throws(AvroError) -> Float {
        guard remaining >= 4 else { throw truncated("a float") }
        let bits = base.unsafelyUnwrapped.loadUnaligned(fromByteOffset: position, as: UInt32.self)
        position += 4
        return Float(bitPattern: UInt32(littleEndian: bits))
    }

    @inline(__always)
    mutating func readDouble() throws(AvroError) -> Double {
        guard remaining >= 8 else { throw truncated("a double") }
        let bits = base.unsafelyUnwrapped.loadUnaligned(fromByteOffset: position, as: UInt64.self)
        position += 8
        return Double(bitPattern: UInt64(littleEndian: bits))
    }

    /// The length prefix of bytes or a string, checked against the remaining data.
    @inline(__always)
    mutating func readLength(_ what: String) throws(AvroError) -> Int {
        let length = try readLong()
        guard length >= 0 else { throw AvroError(.corruptFile, "negative \(what) length \(length) at byte \(position)") }
        guard length <= Int64(remaining) else {
            throw AvroError(.corruptFile, "\(what) length \(length) at byte \(position) is larger than the \(remaining) bytes left")
        }
        return Int(length)
    }

    @inline(__always)
    mutating func readBytes() throws(AvroError) -> [UInt8] {
        let length = try readLength("bytes")
        return try readFixed(length)
    }

    @inline(__always)
    mutating func readFixed(_ size: Int) throws(AvroError) -> [UInt8] {
        guard size <= remaining else { throw truncated("a fixed value of \(size) bytes") }
        guard size > 0 else { return [] }
        let bytes = [UInt8](UnsafeRawBufferPointer(start: base.unsafelyUnwrapped + position, count: size))
        position += size
        return bytes
    }

    @inline(__always)
    mutating func readString() throws(AvroError) -> String {
        let length = try readLength("string")
        let start = position
        position += length
        guard length > 0 else { return "" }
        let buffer = UnsafeRawBufferPointer(start: base.unsafelyUnwrapped + start, count: length)
        // Invalid UTF-8 is repaired (U+FFFD), as Avro's Java and Python readers do.
        return String(decoding: buffer, as: UTF8.self)
    }

    @inline(__always)
    mutating func skip(_ length: Int) throws(AvroError) {
        guard length <= remaining else { throw truncated("a value of \(length) bytes") }
        position += length
    }
}
