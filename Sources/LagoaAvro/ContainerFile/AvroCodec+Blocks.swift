import CSnappy
import CZlib
import CZstd
import LagoaCompression

extension AvroCodec {
    /// The compressed form of one block's data.
    func compress(_ data: [UInt8]) -> [UInt8] {
        switch self {
        case .null:
            return data
        case .deflate(let level):
            return Self.rawDeflate(data, level: Int32(level ?? 6))
        case .snappy:
            var out = data.withUnsafeBytes { CompressionCodec.snappy.compress($0) }
            let crc = UInt32(data.withUnsafeBytes { crc32(0, $0.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt($0.count)) })
            withUnsafeBytes(of: crc.bigEndian) { out.append(contentsOf: $0) }
            return out
        case .zstd(let level):
            return data.withUnsafeBytes { CompressionCodec.zstd(level: Int32(level ?? 3)).compress($0) }
        }
    }

    /// The uncompressed data of one block, refusing more than `limit` bytes.
    /// - Throws: a message without file name (the caller adds it and the block number).
    func decompress(_ data: UnsafeRawBufferPointer, limit: Int) throws(AvroError) -> [UInt8] {
        switch self {
        case .null:
            return Array(data)
        case .deflate:
            return try Self.rawInflate(data, limit: limit)
        case .snappy:
            guard data.count >= 4 else { throw AvroError(.corruptFile, "snappy block of \(data.count) bytes has no CRC-32") }
            let body = UnsafeRawBufferPointer(rebasing: data[..<(data.count - 4)])
            var length = 0
            guard snappy_uncompressed_length(body.baseAddress?.assumingMemoryBound(to: CChar.self), body.count, &length) == SNAPPY_OK else {
                throw AvroError(.corruptFile, "invalid snappy data (bad length header)")
            }
            guard length <= limit else {
                throw AvroError(.resourceLimit, "snappy block would decompress to \(length) bytes, more than the limit of \(limit)")
            }
            var output = [UInt8](repeating: 0, count: length)
            let failure: CompressionError? = output.withUnsafeMutableBytes { out in
                do throws(CompressionError) {
                    try CompressionCodec.snappy.decompress(body, into: out)
                    return nil
                } catch {
                    return error
                }
            }
            if let failure { throw AvroError(.corruptFile, failure.message, cause: failure) }
            let stored = data[(data.count - 4)...].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            let actual = UInt32(output.withUnsafeBytes { crc32(0, $0.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt($0.count)) })
            guard stored == actual else {
                throw AvroError(.corruptFile, "snappy block CRC-32 mismatch (stored \(hex(stored)), computed \(hex(actual)))")
            }
            return output
        case .zstd:
            return try Self.zstdDecompress(data, limit: limit)
        }
    }

    private static func rawDeflate(_ data: [UInt8], level: Int32) -> [UInt8] {
        var stream = z_stream()
        // windowBits -15: raw deflate without zlib header or checksum, as Avro specifies.
        let status = deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "deflateInit2 failed: \(status)")
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(data.count))) + 16
        return data.withUnsafeBytes { input in
            [UInt8](unsafeUninitializedCapacity: bound) { out, written in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(bound)
                let result = CZlib.deflate(&stream, Z_FINISH)
                precondition(result == Z_STREAM_END, "deflate did not finish within deflateBound: \(result)")
                written = Int(stream.total_out)
            }
        }
    }

    private static func rawInflate(_ data: UnsafeRawBufferPointer, limit: Int) throws(AvroError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw AvroError(.internal, "cannot initialise zlib; this is a bug, please report it")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: min(max(data.count * 4, 1024), limit))
        stream.next_in = UnsafeMutablePointer(mutating: data.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(data.count)
        var produced = 0
        while true {
            if produced == output.count {
                guard output.count < limit else {
                    throw AvroError(.resourceLimit, "deflate block decompresses to more than the limit of \(limit) bytes")
                }
                output.append(contentsOf: repeatElement(0, count: min(output.count, limit - output.count)))
            }
            let result = output.withUnsafeMutableBytes { out in
                stream.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self) + produced
                stream.avail_out = uInt(out.count - produced)
                let status = inflate(&stream, Z_NO_FLUSH)
                produced = out.count - Int(stream.avail_out)
                return status
            }
            if result == Z_STREAM_END { break }
            if result == Z_BUF_ERROR && stream.avail_in == 0 {
                throw AvroError(.corruptFile, "deflate data ends early (truncated block)")
            }
            guard result == Z_OK || result == Z_BUF_ERROR else {
                let detail = stream.msg.map { String(cString: $0) } ?? "error \(result)"
                throw AvroError(.corruptFile, "invalid deflate data: \(detail)")
            }
        }
        output.removeLast(output.count - produced)
        return output
    }

    private static func zstdDecompress(_ data: UnsafeRawBufferPointer, limit: Int) throws(AvroError) -> [UInt8] {
        // Java's Avro writes frames through a stream, without a content size, so decode as a stream.
        guard let stream = ZSTD_createDStream() else { throw AvroError(.internal, "cannot create a zstd stream; this is a bug, please report it") }
        defer { ZSTD_freeDStream(stream) }
        ZSTD_initDStream(stream)
        var output = [UInt8](repeating: 0, count: min(max(data.count * 4, 1024), limit))
        var input = ZSTD_inBuffer(src: data.baseAddress, size: data.count, pos: 0)
        var produced = 0
        var lastResult = 0
        while input.pos < input.size || lastResult != 0 {
            if produced == output.count {
                guard output.count < limit else {
                    throw AvroError(.resourceLimit, "zstd block decompresses to more than the limit of \(limit) bytes")
                }
                output.append(contentsOf: repeatElement(0, count: min(output.count, limit - output.count)))
            }
            let before = (input.pos, produced)
            let result = output.withUnsafeMutableBytes { out in
                var buffer = ZSTD_outBuffer(dst: out.baseAddress, size: out.count, pos: produced)
                let r = ZSTD_decompressStream(stream, &buffer, &input)
                produced = buffer.pos
                return r
            }
            if ZSTD_isError(result) != 0 {
                throw AvroError(.corruptFile, "invalid zstd data: \(String(cString: ZSTD_getErrorName(result)))")
            }
            lastResult = result
            if before == (input.pos, produced) && produced < output.count {
                throw AvroError(.corruptFile, "zstd data ends early (truncated block)")
            }
        }
        output.removeLast(output.count - produced)
        return output
    }
}

private func hex(_ value: UInt32) -> String {
    let text = String(value, radix: 16)
    return String(repeating: "0", count: 8 - text.count) + text
}
