/// Standard base64 (RFC 4648 §4, with `=` padding), used for binary values in text formats.
///
/// Kept identical in `LagoaCSV/Text` and `LagoaJSON/Text` (see ``TextParsing``).
package enum Base64 {
    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    private static let reverse: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    /// Appends the base64 text of `bytes` to `output`.
    /// - Complexity: O(n).
    package static func encode(_ bytes: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        output.reserveCapacity(output.count + (bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            output.append(alphabet[Int(v >> 18 & 63)])
            output.append(alphabet[Int(v >> 12 & 63)])
            output.append(alphabet[Int(v >> 6 & 63)])
            output.append(alphabet[Int(v & 63)])
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            let v = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
            output.append(alphabet[Int(v >> 18 & 63)])
            output.append(alphabet[Int(v >> 12 & 63)])
            output.append(rest == 2 ? alphabet[Int(v >> 6 & 63)] : 0x3D)
            output.append(0x3D)
        }
    }

    /// Decodes base64 text (padding optional) into `output`; `false` when the text is not base64.
    /// - Complexity: O(n).
    package static func decode(_ text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Bool {
        var end = text.count
        if end > 0, text[end - 1] == 0x3D { end -= 1 }
        if end > 0, text[end - 1] == 0x3D { end -= 1 }
        if end < text.count, text.count % 4 != 0 { return false }
        guard end % 4 != 1 else { return false }
        var accumulator: UInt32 = 0
        var bits = 0
        for i in 0..<end {
            let v = reverse[Int(text[i])]
            guard v != 0xFF else { return false }
            accumulator = accumulator << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return true
    }
}
