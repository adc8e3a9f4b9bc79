import LagoaCompression
import Testing

@Suite("CompressionCodec")
struct CompressionCodecTests {
    static let codecs: [CompressionCodec] = [.uncompressed, .snappy, .gzip, .zstd, .zstd(level: 9), .lz4Raw]

    static func sample(_ n: Int) -> [UInt8] {
        var state: UInt64 = 42
        return (0..<n).map { i in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return i % 3 == 0 ? UInt8(truncatingIfNeeded: state >> 60) : UInt8(truncatingIfNeeded: i / 7)
        }
    }

    @Test("round-trips empty, small and large inputs", arguments: codecs)
    func roundTrip(codec: CompressionCodec) throws {
        for size in [0, 1, 100, 1 << 20] {
            let input = Self.sample(size)
            let compressed = input.withUnsafeBytes { codec.compress($0) }
            var output = [UInt8](repeating: 0, count: size)
            try compressed.withUnsafeBytes { c in
                try output.withUnsafeMutableBytes { try codec.decompress(c, into: $0) }
            }
            #expect(output == input)
        }
    }

    @Test("a block that inflates past the declared size is refused", arguments: codecs.dropFirst())
    func bomb(codec: CompressionCodec) {
        let input = [UInt8](repeating: 7, count: 1 << 20)
        let compressed = input.withUnsafeBytes { codec.compress($0) }
        var output = [UInt8](repeating: 0, count: 1000)
        #expect(throws: CompressionError.self) {
            try compressed.withUnsafeBytes { c in try output.withUnsafeMutableBytes { try codec.decompress(c, into: $0) } }
        }
    }

    @Test("garbage input gives an error, not a crash", arguments: codecs.dropFirst())
    func garbage(codec: CompressionCodec) {
        let garbage = Self.sample(333)
        var output = [UInt8](repeating: 0, count: 5000)
        #expect(throws: CompressionError.self) {
            try garbage.withUnsafeBytes { c in try output.withUnsafeMutableBytes { try codec.decompress(c, into: $0) } }
        }
    }

    @Test("parses codec names with levels")
    func names() {
        #expect(CompressionCodec(name: "ZSTD:3") == .zstd(level: 3))
        #expect(CompressionCodec(name: "none") == .uncompressed)
        #expect(CompressionCodec(name: "brotli") == nil)
        #expect(CompressionCodec(name: "gzip:x") == nil)
    }
}
