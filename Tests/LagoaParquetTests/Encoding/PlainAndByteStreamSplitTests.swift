import LagoaColumnar
import Testing

@testable import LagoaParquet

extension EncodingTests {
    @Suite("PLAIN and BYTE_STREAM_SPLIT")
    struct PlainAndByteStreamSplitTests {
        @Test("PLAIN fixed-width values copy and check their length", arguments: [1, 4, 8, 12, 16])
        func fixedWidth(width: Int) throws {
            var rng = SeededGenerator(seed: UInt64(width))
            let bytes = (0..<(width * 37)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            var encoded = MutableBuffer()
            bytes.withUnsafeBytes {
                PlainEncoder.encodeFixedWidth($0.baseAddress!, count: 37, width: width, into: &encoded)
            }
            #expect(encoded.bytes == bytes)
            var out = [UInt8](repeating: 0, count: bytes.count)
            let consumed = try withExactBytes(bytes + [1]) { (input) throws(ParquetError) in
                try PlainDecoder.decodeFixedWidth(input, count: 37, width: width, into: &out)
            }
            #expect(out == bytes)
            #expect(consumed == bytes.count)
            let message = withExactBytes(Array(bytes.dropLast())) { input in
                parquetErrorMessage { () throws(ParquetError) in
                    _ = try PlainDecoder.decodeFixedWidth(input, count: 37, width: width, into: &out)
                }
            }
            #expect(
                message
                    == "corrupt Parquet file: PLAIN data has \(bytes.count - 1) bytes, too few for 37 values of \(width) bytes"
            )
        }

        @Test("PLAIN booleans: bit-packed LSB first, into bytes or into a bitmap at any offset")
        func booleans() throws {
            var rng = SeededGenerator(seed: 4)
            let values = (0..<77).map { _ in UInt8(rng.next() & 1) }
            var encoded = MutableBuffer()
            values.withUnsafeBufferPointer { PlainEncoder.encodeBooleans($0.baseAddress!, count: 77, into: &encoded) }
            #expect(encoded.count == 10)
            #expect(encoded.bytes[0] == values[0..<8].enumerated().reduce(0) { $0 | $1.element << UInt8($1.offset) })
            try withExactBytes(encoded.bytes) { (input) throws(ParquetError) in
                for first in [0, 3, 8] {
                    var out = [UInt8](repeating: 9, count: 77 - first)
                    let consumed = try PlainDecoder.decodeBooleans(
                        input,
                        firstValue: first,
                        count: out.count,
                        into: &out
                    )
                    #expect(out == Array(values[first...]))
                    #expect(consumed == 10)
                    for bitOffset in [0, 5, 16] {
                        var bitmap = [UInt8](repeating: 0xFF, count: 16)
                        try PlainDecoder.decodeBooleans(
                            input,
                            firstValue: first,
                            count: out.count,
                            intoBitmap: &bitmap,
                            at: bitOffset
                        )
                        for i in 0..<out.count {
                            let bit = (bitmap[(bitOffset + i) >> 3] >> UInt8((bitOffset + i) & 7)) & 1
                            #expect(bit == out[i])
                        }
                        #expect(bitOffset == 0 || bitmap[0] & 1 == 1, "bits before the offset are kept")
                    }
                }
                let message = parquetErrorMessage { () throws(ParquetError) in
                    var out = [UInt8](repeating: 0, count: 81)
                    _ = try PlainDecoder.decodeBooleans(input, count: 81, into: &out)
                }
                #expect(message == "corrupt Parquet file: PLAIN BOOLEAN data has 10 bytes, too few for values 0 to 80")
            }
        }

        @Test("PLAIN BYTE_ARRAY errors name the value, its byte and the page size")
        func byteArrayErrors() {
            func failure(_ bytes: [UInt8], count: Int) -> String? {
                var offsets = startedOffsets()
                var data = MutableBuffer()
                return withExactBytes(bytes) { input in
                    parquetErrorMessage { () throws(ParquetError) in
                        _ = try PlainDecoder.decodeByteArrays(input, count: count, offsets: &offsets, data: &data)
                    }
                }
            }
            var page: [UInt8] = [3, 0, 0, 0, 0x61, 0x62, 0x63, 0, 0, 0, 0, 0x88, 0x13, 0, 0]
            page += [UInt8](repeating: 0x20, count: 40 - page.count)
            #expect(
                failure(page, count: 3)
                    == "corrupt Parquet file: PLAIN BYTE_ARRAY value length 5000 at byte 11 runs past the end of the page (40 bytes)"
            )
            #expect(
                failure([1, 0, 0, 0, 0x61, 2, 0, 0], count: 2)
                    == "corrupt Parquet file: PLAIN BYTE_ARRAY value length 1 at byte 0 leaves too few bytes for the lengths of the "
                    + "1 values after it (page of 8 bytes)"
            )
            #expect(
                failure([0, 0, 0, 0], count: 2)
                    == "corrupt Parquet file: PLAIN BYTE_ARRAY data has 4 bytes, too few for the lengths of 2 values"
            )
        }

        @Test("the spec's BYTE_STREAM_SPLIT example of three 4-byte values")
        func byteStreamSplitSpecExample() throws {
            let values: [UInt8] = [0xAA, 0xBB, 0xCC, 0xDD, 0x00, 0x11, 0x22, 0x33, 0xA3, 0xB4, 0xC5, 0xD6]
            let split: [UInt8] = [0xAA, 0x00, 0xA3, 0xBB, 0x11, 0xB4, 0xCC, 0x22, 0xC5, 0xDD, 0x33, 0xD6]
            var encoded = MutableBuffer()
            values.withUnsafeBytes { ByteStreamSplit.encode($0.baseAddress!, count: 3, width: 4, into: &encoded) }
            #expect(encoded.bytes == split)
            var out = [UInt8](repeating: 0, count: 12)
            try withExactBytes(split) { (input) throws(ParquetError) in
                try ByteStreamSplit.decode(input, count: 3, width: 4, into: &out)
            }
            #expect(out == values)
        }

        @Test("BYTE_STREAM_SPLIT round trips for every width", arguments: [1, 2, 3, 4, 8, 12, 16])
        func byteStreamSplitRoundTrip(width: Int) throws {
            var rng = SeededGenerator(seed: 40 + UInt64(width))
            let count = 101
            let values = (0..<(count * width)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            var encoded = MutableBuffer()
            values.withUnsafeBytes {
                ByteStreamSplit.encode($0.baseAddress!, count: count, width: width, into: &encoded)
            }
            #expect(encoded.bytes[1] == values[width], "stream 0 holds byte 0 of each value")
            var out = [UInt8](repeating: 0, count: values.count)
            try withExactBytes(encoded.bytes) { (input) throws(ParquetError) in
                try ByteStreamSplit.decode(input, count: count, width: width, into: &out)
            }
            #expect(out == values)
            let message = withExactBytes(Array(encoded.bytes.dropLast())) { input in
                parquetErrorMessage { () throws(ParquetError) in
                    try ByteStreamSplit.decode(input, count: count, width: width, into: &out)
                }
            }
            #expect(
                message
                    == "corrupt Parquet file: BYTE_STREAM_SPLIT data has \(count * width - 1) bytes but \(count) values of "
                    + "\(width) bytes were expected"
            )
        }
    }
}
