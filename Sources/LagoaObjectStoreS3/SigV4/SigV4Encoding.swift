/// The percent-encoding and hex helpers of SigV4 and S3 URLs.
public enum SigV4Encoding {
    /// Percent-encodes every byte of the UTF-8 form of `string` except RFC 3986 unreserved
    /// characters (`A-Z a-z 0-9 - _ . ~`), with upper-case hex: the encoding of query keys and
    /// values and of each path segment. `keepSlash` keeps `/` as is (for whole S3 key paths).
    public static func uriEncode(_ string: String, keepSlash: Bool = false) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(string.utf8.count)
        for byte in string.utf8 {
            if isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/")) {
                result.append(byte)
            } else {
                result.append(UInt8(ascii: "%"))
                result.append(upperHex[Int(byte >> 4)])
                result.append(upperHex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Lower-case hex of `bytes` (hashes and signatures).
    public static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var result: [UInt8] = []
        for byte in bytes {
            result.append(lowerHex[Int(byte >> 4)])
            result.append(lowerHex[Int(byte & 0x0F)])
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Standard base64 with padding (for `Content-MD5`).
    public static func base64<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        let input = Array(bytes)
        var output: [UInt8] = []
        var index = 0
        while index + 3 <= input.count {
            let n = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
            output += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            index += 3
        }
        let rest = input.count - index
        if rest == 1 {
            let n = UInt32(input[index]) << 16
            output += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], UInt8(ascii: "="), UInt8(ascii: "=")]
        } else if rest == 2 {
            let n = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8
            output += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], UInt8(ascii: "=")]
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static let upperHex = Array("0123456789ABCDEF".utf8)
    private static let lowerHex = Array("0123456789abcdef".utf8)
}
