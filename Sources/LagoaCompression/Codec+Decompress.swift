import CLZ4
import CSnappy
import CZlib
import CZstd

extension CompressionCodec {
    /// Decompresses `input` into `output`, which must be exactly the expected uncompressed size.
    ///
    /// The output size comes from the container (a Parquet page header) and has been checked against
    /// a limit by the caller, so a decompression bomb can never allocate more than that: decoding
    /// fails as soon as the data would overflow `output`.
    /// - Throws: ``CompressionError`` when the data is corrupt or does not decompress to exactly
    ///   `output.count` bytes.
    /// - Complexity: O(output size).
    public func decompress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws(CompressionError) {
        switch self {
        case .uncompressed:
            guard input.count == output.count else {
                throw CompressionError("uncompressed page holds \(input.count) bytes, header says \(output.count)")
            }
            if input.count > 0 { output.baseAddress!.copyMemory(from: input.baseAddress!, byteCount: input.count) }
        case .snappy:
            var length = 0
            let inPtr = input.baseAddress?.assumingMemoryBound(to: CChar.self)
            guard snappy_uncompressed_length(inPtr, input.count, &length) == SNAPPY_OK else {
                throw CompressionError("invalid SNAPPY data (bad length header)")
            }
            guard length == output.count else {
                throw CompressionError("SNAPPY data decompresses to \(length) bytes, header says \(output.count)")
            }
            var outLength = output.count
            let status = snappy_uncompress(inPtr, input.count, output.baseAddress?.assumingMemoryBound(to: CChar.self), &outLength)
            guard status == SNAPPY_OK, outLength == output.count else {
                throw CompressionError("invalid SNAPPY data")
            }
        case .zstd:
            let n = ZSTD_decompress(output.baseAddress, output.count, input.baseAddress, input.count)
            if ZSTD_isError(n) != 0 {
                throw CompressionError("invalid ZSTD data: \(String(cString: ZSTD_getErrorName(n)))")
            }
            guard n == output.count else {
                throw CompressionError("ZSTD data decompresses to \(n) bytes, header says \(output.count)")
            }
        case .lz4Raw:
            guard input.count < Int(Int32.max), output.count < Int(Int32.max) else {
                throw CompressionError("LZ4 block larger than 2 GiB", isLimit: true)
            }
            let n = LZ4_decompress_safe(
                input.baseAddress?.assumingMemoryBound(to: CChar.self),
                output.baseAddress?.assumingMemoryBound(to: CChar.self),
                Int32(input.count),
                Int32(output.count)
            )
            guard n >= 0 else { throw CompressionError("invalid LZ4_RAW data") }
            guard Int(n) == output.count else {
                throw CompressionError("LZ4_RAW data decompresses to \(n) bytes, header says \(output.count)")
            }
        case .gzip:
            try Self.gunzip(input, into: output)
        }
    }

    private static func gunzip(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws(CompressionError) {
        var stream = z_stream()
        // 15 + 32: accept both zlib and gzip headers, as other Parquet writers use either.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw CompressionError("cannot initialise zlib")
        }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        stream.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(output.count)
        while true {
            let result = inflate(&stream, Z_FINISH)
            if result == Z_STREAM_END {
                // Concatenated gzip members are allowed; continue if input remains.
                if stream.avail_in > 0 && stream.avail_out > 0 {
                    guard inflateReset(&stream) == Z_OK else { throw CompressionError("invalid GZIP data") }
                    continue
                }
                break
            }
            if result == Z_BUF_ERROR && stream.avail_out == 0 {
                throw CompressionError("GZIP data decompresses to more than the \(output.count) bytes the header says")
            }
            if result == Z_BUF_ERROR {
                throw CompressionError("GZIP data ends early (truncated stream)")
            }
            let detail = stream.msg.map { String(cString: $0) } ?? "error \(result)"
            throw CompressionError("invalid GZIP data: \(detail)")
        }
        let written = output.count - Int(stream.avail_out)
        guard written == output.count else {
            throw CompressionError("GZIP data decompresses to \(written) bytes, header says \(output.count)")
        }
    }
}
