/// The compression codec of an object container file's blocks (the `avro.codec` metadata).
public enum AvroCodec: Sendable, Hashable {
    /// No compression.
    case null
    /// Raw deflate (RFC 1951, no zlib header); `nil` level is zlib's default (6).
    case deflate(level: Int?)
    /// Snappy, each block followed by the big-endian CRC-32 of its uncompressed bytes.
    case snappy
    /// Zstandard; `nil` level is zstd's default (3).
    case zstd(level: Int?)

    /// The codec named `name` as written in `avro.codec` (`null`, `deflate`, `snappy`, `zstandard`;
    /// `zstd` is accepted too); `nil` for others (`bzip2`, `xz`).
    public init?(name: String) {
        switch name {
        case "null", "": self = .null
        case "deflate": self = .deflate(level: nil)
        case "snappy": self = .snappy
        case "zstandard", "zstd": self = .zstd(level: nil)
        default: return nil
        }
    }

    /// The `avro.codec` value.
    public var name: String {
        switch self {
        case .null: "null"
        case .deflate: "deflate"
        case .snappy: "snappy"
        case .zstd: "zstandard"
        }
    }
}
