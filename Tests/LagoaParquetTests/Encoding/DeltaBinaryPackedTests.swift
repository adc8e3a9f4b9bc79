import LagoaColumnar
import Testing

@testable import LagoaParquet

extension EncodingTests {
    @Suite("DELTA_BINARY_PACKED")
    struct DeltaBinaryPackedTests {
        /// Decodes every value of `bytes`, returning them and the bytes consumed.
        func decode<T: FixedWidthInteger & SignedInteger>(
            _ bytes: [UInt8],
            as _: T.Type = T.self
        ) throws(ParquetError) -> (values: [T], consumed: Int) {
            try withExactBytes(bytes) { (input) throws(ParquetError) in
                var decoder = try DeltaBinaryPackedDecoder<T>(input)
                var out = [T](repeating: 0, count: decoder.totalCount)
                try decoder.decode(into: &out, count: out.count)
                return (out, decoder.bytesConsumed)
            }
        }

        @Test("the spec's example 1 (1, 2, 3, 4, 5), with a valid block size of 128")
        func specExample1() throws {
            // Header: block 128, 4 miniblocks, 5 values, first 1; block: min delta 1, widths 0, 0, 0, 0.
            let bytes: [UInt8] = [0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0, 0, 0, 0]
            let (values, consumed) = try decode(bytes, as: Int32.self)
            #expect(values == [1, 2, 3, 4, 5])
            #expect(consumed == bytes.count)
            #expect(DeltaBinaryPackedEncoder.encode([1, 2, 3, 4, 5] as [Int32]) == bytes)
        }

        @Test("the spec's example 2 (7, 5, 3, 1, 2, 3, 4, 5): min delta -2, width 2")
        func specExample2() throws {
            // Relative deltas 0, 0, 0, 3, 3, 3, 3 packed on 2 bits in a 32-value miniblock (8 bytes).
            let bytes: [UInt8] = [0x80, 0x01, 0x04, 0x08, 0x0E, 0x03, 2, 0, 0, 0, 0xC0, 0x3F, 0, 0, 0, 0, 0, 0]
            let (values, consumed) = try decode(bytes, as: Int64.self)
            #expect(values == [7, 5, 3, 1, 2, 3, 4, 5])
            #expect(consumed == bytes.count)
            #expect(DeltaBinaryPackedEncoder.encode([7, 5, 3, 1, 2, 3, 4, 5] as [Int64]) == bytes)
        }

        @Test("extremes wrap around: Int64.min, Int64.max and back")
        func wrapping64() throws {
            let values: [Int64] =
                [.min, .max, .min, 0, -1, .max, .max, .min, 1, -1] + (0..<300).map { Int64($0) * 0x0123_4567_89AB }
            let (decoded, consumed) = try decode(DeltaBinaryPackedEncoder.encode(values), as: Int64.self)
            #expect(decoded == values)
            #expect(consumed == DeltaBinaryPackedEncoder.encode(values).count)
        }

        @Test("INT32 extremes need at most 32 bits per delta")
        func wrapping32() throws {
            let values: [Int32] = [.min, .max, .min, 0, -1, .max, 5, .min]
            let encoded = DeltaBinaryPackedEncoder.encode(values)
            #expect(try decode(encoded, as: Int32.self).values == values)
            // The one miniblock's width byte sits after the 5-byte header and the min delta.
            let (minDeltaEnd, width) = try withExactBytes(encoded) { (input) throws(ParquetError) in
                var cursor = ByteCursor(input)
                for _ in 0..<4 { _ = try cursor.readULEB128("header") }
                _ = try cursor.readZigZag("min delta")
                return (cursor.position, input[cursor.position])
            }
            #expect(minDeltaEnd > 0)
            #expect(width == 32)
        }

        @Test("random round trips at every delta magnitude", arguments: [0, 1, 3, 8, 17, 31, 40, 63])
        func randomRoundTrip(magnitudeBits: Int) throws {
            var rng = SeededGenerator(seed: UInt64(magnitudeBits))
            for count in [0, 1, 2, 31, 32, 33, 128, 129, 1000] {
                var current: Int64 = Int64(bitPattern: rng.next())
                var values: [Int64] = []
                for _ in 0..<count {
                    values.append(current)
                    let step = magnitudeBits == 0 ? 0 : Int64(bitPattern: rng.next() >> UInt64(64 - magnitudeBits))
                    current = current &+ step &- (step >> 1)
                }
                #expect(try decode(DeltaBinaryPackedEncoder.encode(values), as: Int64.self).values == values)
                let narrow = values.map { Int32(truncatingIfNeeded: $0) }
                #expect(try decode(DeltaBinaryPackedEncoder.encode(narrow), as: Int32.self).values == narrow)
            }
        }

        @Test("decoding in pieces matches, and bytesConsumed stops before trailing data")
        func piecewise() throws {
            var rng = SeededGenerator(seed: 11)
            let values = (0..<1000).map { _ in Int32(truncatingIfNeeded: rng.next() % 5000) }
            let encoded = DeltaBinaryPackedEncoder.encode(values)
            var out = [Int32](repeating: 0, count: values.count)
            let consumed = try withExactBytes(encoded + [1, 2, 3]) { (input) throws(ParquetError) -> Int in
                var decoder = try DeltaBinaryPackedDecoder<Int32>(input)
                var done = 0
                try out.withUnsafeMutableBufferPointer { (buffer) throws(ParquetError) in
                    while done < values.count {
                        let n = min(Int(rng.next() % 70), values.count - done)
                        try decoder.decode(into: buffer.baseAddress! + done, count: n)
                        done += n
                    }
                }
                return decoder.bytesConsumed
            }
            #expect(out == values)
            #expect(consumed == encoded.count)
        }

        @Test("malformed headers and blocks are rejected with precise messages")
        func malformed() throws {
            func failure(_ bytes: [UInt8]) -> String? {
                parquetErrorMessage { () throws(ParquetError) in _ = try decode(bytes, as: Int64.self) }
            }
            #expect(
                failure([0x64, 0x01, 0x02, 0x00])
                    == "corrupt Parquet file: DELTA_BINARY_PACKED block size 100 is not a positive multiple of 128 up to 1048576"
            )
            #expect(
                failure([0x80, 0x01, 0x03, 0x02, 0x00])
                    == "corrupt Parquet file: DELTA_BINARY_PACKED miniblock count 3 does not divide the block size 128 "
                    + "into multiples of 32 values"
            )
            #expect(
                failure([0x80, 0x01, 0x08, 0x02, 0x00])
                    == "corrupt Parquet file: DELTA_BINARY_PACKED miniblock count 8 does not divide the block size 128 "
                    + "into multiples of 32 values"
            )
            #expect(
                failure([0x80, 0x01, 0x04, 0x02, 0x00, 0x00, 70, 0, 0, 0])
                    == "corrupt Parquet file: DELTA_BINARY_PACKED miniblock bit width 70 is larger than 64"
            )
            // DuckDB writes INT32 deltas of 33 bits; they decode modulo 2^32 (delta 2^32 + 5 adds 5).
            #expect(try decode([0x80, 0x01, 0x04, 0x02, 0x00, 0x00, 33, 0, 0, 0, 5, 0, 0, 0, 1], as: Int32.self).0 == [0, 5])
            #expect(
                failure([0x80, 0x01, 0x04, 0x03, 0x00, 0x00, 8, 0, 0, 0, 1])
                    == "corrupt Parquet file: DELTA_BINARY_PACKED miniblock at byte 10 needs 2 bytes for 2 values of 8 bits "
                    + "but only 1 remain"
            )
            #expect(
                failure([0x80, 0x01, 0x04, 0x80, 0x80, 0x80, 0x80, 0x10, 0x00])
                    == "corrupt Parquet file: DELTA_BINARY_PACKED value count 4294967296 is larger than 2147483647"
            )
            #expect(
                failure([0x80, 0x01, 0x04, 0x02, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
                    == "corrupt Parquet file: DELTA_BINARY_PACKED first value varint at byte 4 does not fit in 64 bits"
            )
        }

        @Test("every truncation throws or decodes the same values, and never crashes")
        func truncations() {
            var rng = SeededGenerator(seed: 3)
            let values = (0..<300).map { _ in Int64(bitPattern: rng.next()) >> 20 }
            let encoded = DeltaBinaryPackedEncoder.encode(values)
            for length in 0..<encoded.count {
                let result = Result { () throws(ParquetError) in try decode(Array(encoded[..<length]), as: Int64.self) }
                if case .success(let decoded) = result { #expect(decoded.values == values, "prefix \(length)") }
            }
        }
    }
}
