/// A block compression codec as used by Parquet pages (and later Avro blocks).
public enum CompressionCodec: Sendable, Hashable, CustomStringConvertible {
    case uncompressed
    case snappy
    case gzip(level: Int32)
    case zstd(level: Int32)
    case lz4Raw

    /// The default gzip level (zlib's 6).
    public static let gzip = CompressionCodec.gzip(level: 6)
    /// The default zstd level (1: best speed/ratio trade-off on this hardware, see notes).
    public static let zstd = CompressionCodec.zstd(level: 1)

    public var description: String {
        switch self {
        case .uncompressed: "none"
        case .snappy: "snappy"
        case .gzip: "gzip"
        case .zstd: "zstd"
        case .lz4Raw: "lz4_raw"
        }
    }

    /// Parses a user-facing name: `none`/`uncompressed`, `snappy`, `gzip`, `zstd`, `lz4`/`lz4_raw`,
    /// optionally with a level (`zstd:3`, `gzip:9`).
    public init?(name: String) {
        let parts = name.lowercased().split(separator: ":", maxSplits: 1).map(String.init)
        let level = parts.count == 2 ? Int32(parts[1]) : nil
        if parts.count == 2 && level == nil { return nil }
        switch parts.first ?? "" {
        case "none", "uncompressed": self = .uncompressed
        case "snappy": self = .snappy
        case "gzip": self = .gzip(level: level ?? 6)
        case "zstd": self = .zstd(level: level ?? 1)
        case "lz4", "lz4_raw", "lz4raw": self = .lz4Raw
        default: return nil
        }
    }
}
