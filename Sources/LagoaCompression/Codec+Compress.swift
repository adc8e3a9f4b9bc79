import CLZ4
import CSnappy
import CZlib
import CZstd

extension CompressionCodec {
    /// Compresses `input` into a new array.
    /// - Complexity: O(n).
    public func compress(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        switch self {
        case .uncompressed:
            return Array(input)
        case .snappy:
            let bound = snappy_max_compressed_length(input.count)
            return [UInt8](unsafeUninitializedCapacity: bound) { out, written in
                var length = bound
                let status = out.withMemoryRebound(to: CChar.self) { o in
                    snappy_compress(input.baseAddress?.assumingMemoryBound(to: CChar.self), input.count, o.baseAddress, &length)
                }
                precondition(status == SNAPPY_OK, "snappy_compress failed with a buffer of its own maximum size")
                written = length
            }
        case .zstd(let level):
            let bound = ZSTD_compressBound(input.count)
            return [UInt8](unsafeUninitializedCapacity: bound) { out, written in
                let n = ZSTD_compress(out.baseAddress, bound, input.baseAddress, input.count, level)
                precondition(ZSTD_isError(n) == 0, "ZSTD_compress failed: \(String(cString: ZSTD_getErrorName(n)))")
                written = n
            }
        case .lz4Raw:
            precondition(input.count <= Int(Int32.max) - 1024, "LZ4 block larger than 2 GiB")
            let bound = Int(LZ4_compressBound(Int32(input.count)))
            return [UInt8](unsafeUninitializedCapacity: max(bound, 1)) { out, written in
                let n = out.withMemoryRebound(to: CChar.self) { o in
                    LZ4_compress_default(
                        input.baseAddress?.assumingMemoryBound(to: CChar.self), o.baseAddress, Int32(input.count), Int32(bound))
                }
                precondition(n > 0 || input.count == 0, "LZ4_compress_default failed")
                written = Int(n)
            }
        case .gzip(let level):
            return Self.gzipCompress(input, level: level)
        }
    }

    private static func gzipCompress(_ input: UnsafeRawBufferPointer, level: Int32) -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 16 selects the gzip wrapper that Parquet's GZIP codec uses.
        let status = deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "deflateInit2 failed: \(status)")
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count))) + 32
        return [UInt8](unsafeUninitializedCapacity: bound) { out, written in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = out.baseAddress
            stream.avail_out = uInt(bound)
            let result = deflate(&stream, Z_FINISH)
            precondition(result == Z_STREAM_END, "deflate did not finish within deflateBound: \(result)")
            written = Int(stream.total_out)
        }
    }
}
