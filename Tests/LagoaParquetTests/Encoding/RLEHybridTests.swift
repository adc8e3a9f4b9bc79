import LagoaColumnar
import Testing

@testable import LagoaParquet

extension EncodingTests {
    @Suite("RLE/bit-packing hybrid")
    struct RLEHybridTests {
        /// Decodes `count` UInt32 values from `bytes` in one call.
        func decode(_ bytes: [UInt8], bitWidth: Int, count: Int) throws(ParquetError) -> [UInt32] {
            var out = [UInt32](repeating: 0xDEAD, count: count)
            try withExactBytes(bytes) { (input) throws(ParquetError) in
                var decoder = try RLEHybridDecoder(input, bitWidth: bitWidth, valueCount: count)
                try decoder.decode(into: &out, count: count)
            }
            return out
        }

        @Test("hand-written runs: a bit-packed group of 0...7 then an RLE run of eight 5s")
        func handWritten() throws {
            // 0x03 = 1 group bit-packed, then the spec's packing of 0...7 at width 3; 0x10 = RLE run of 8.
            let bytes: [UInt8] = [0x03, 0x88, 0xC6, 0xFA, 0x10, 0x05]
            #expect(try decode(bytes, bitWidth: 3, count: 16) == [0, 1, 2, 3, 4, 5, 6, 7, 5, 5, 5, 5, 5, 5, 5, 5])
        }

        @Test("the encoder writes RLE runs for repeats of 8 and bit-packs the rest")
        func encoderChoices() {
            let values: [UInt32] = Array(repeating: 4, count: 10) + [1, 2, 3]
            // RLE run of 10 fours, then one bit-packed group holding 1, 2, 3 and five zeros of padding.
            #expect(RLEHybridEncoder.encode(values, bitWidth: 3) == [0x14, 0x04, 0x03, 0b1101_0001, 0x00, 0x00])
        }

        @Test("round trip at every bit width 0...32 with mixed runs", arguments: 0...32)
        func roundTrip(width: Int) throws {
            for count in [0, 1, 7, 8, 9, 100, 1031] {
                let values = mixedRuns(count: count, bitWidth: width, seed: UInt64(width * 10_000 + count)).map {
                    UInt32(truncatingIfNeeded: $0)
                }
                let encoded = RLEHybridEncoder.encode(values, bitWidth: width)
                #expect(try decode(encoded, bitWidth: width, count: count) == values, "width \(width) count \(count)")
            }
        }

        @Test("decoding in uneven pieces gives the same values", arguments: [1, 3, 8, 13, 17, 32])
        func piecewise(width: Int) throws {
            let values = mixedRuns(count: 2000, bitWidth: width, seed: 99).map { UInt32(truncatingIfNeeded: $0) }
            let encoded = RLEHybridEncoder.encode(values, bitWidth: width)
            var out = [UInt32](repeating: 0, count: values.count)
            var rng = SeededGenerator(seed: 5)
            try withExactBytes(encoded) { (input) throws(ParquetError) in
                var decoder = try RLEHybridDecoder(input, bitWidth: width, valueCount: values.count)
                var done = 0
                try out.withUnsafeMutableBufferPointer { (buffer) throws(ParquetError) in
                    while done < values.count {
                        let n = min(Int(rng.next() % 50), values.count - done)
                        try decoder.decode(into: buffer.baseAddress! + done, count: n)
                        done += n
                    }
                }
                #expect(decoder.remaining == 0)
                #expect(decoder.position == input.count)
            }
            #expect(out == values)
        }

        @Test("levels decode into UInt16 and are checked against the maximum level")
        func levels() throws {
            let levels: [UInt16] = [0, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 0, 3]
            let encoded = RLEHybridEncoder.encode(levels, bitWidth: 2)
            var out = [UInt16](repeating: 0, count: levels.count)
            try withExactBytes(encoded) { (input) throws(ParquetError) in
                var decoder = try RLEHybridDecoder(input, bitWidth: 2, valueCount: levels.count)
                try decoder.decodeLevels(into: &out, count: levels.count, maxLevel: 3)
            }
            #expect(out == levels)
            let message = withExactBytes(encoded) { input in
                parquetErrorMessage { () throws(ParquetError) in
                    var decoder = try RLEHybridDecoder(input, bitWidth: 2, valueCount: levels.count)
                    try decoder.decodeLevels(into: &out, count: levels.count, maxLevel: 2)
                }
            }
            #expect(message == "corrupt Parquet file: level 3 is larger than the maximum level 2")
        }

        @Test("the length-prefixed form reports the bytes it consumed")
        func lengthPrefixed() throws {
            let values: [UInt8] = [1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]
            var buffer = MutableBuffer()
            values.withUnsafeBufferPointer { RLEHybridEncoder.encodeLengthPrefixed($0, bitWidth: 1, into: &buffer) }
            let bytes = buffer.bytes + [0xAB, 0xCD]  // whatever follows the levels
            var out = [UInt8](repeating: 0, count: values.count)
            let consumed = try withExactBytes(bytes) { (input) throws(ParquetError) -> Int in
                let (runs, consumed) = try RLEHybridDecoder.lengthPrefixed(input)
                var decoder = try RLEHybridDecoder(runs, bitWidth: 1, valueCount: values.count)
                try decoder.decode(into: &out, count: values.count)
                return consumed
            }
            #expect(out == values)
            #expect(consumed == bytes.count - 2)
            let message = withExactBytes([0x10, 0, 0, 0, 1, 2]) { input in
                parquetErrorMessage { () throws(ParquetError) in _ = try RLEHybridDecoder.lengthPrefixed(input) }
            }
            #expect(
                message
                    == "corrupt Parquet file: RLE/bit-packed hybrid length 16 at byte 0 runs past the end of the data (6 bytes)"
            )
        }

        @Test("dictionary indices: bit-width byte, then runs, every index checked")
        func dictionaryIndices() throws {
            let indices: [UInt32] = [3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 1, 2, 9, 4]
            let encoded = [UInt8(4)] + RLEHybridEncoder.encode(indices, bitWidth: 4)
            var out = [UInt32](repeating: 0, count: indices.count)
            try withExactBytes(encoded) { (input) throws(ParquetError) in
                var decoder = try RLEHybridDecoder.dictionaryIndices(input, valueCount: indices.count)
                try decoder.decodeDictionaryIndices(into: &out, count: indices.count, dictionaryCount: 10)
            }
            #expect(out == indices)

            func failure(_ bytes: [UInt8], dictionaryCount: Int) -> String? {
                withExactBytes(bytes) { input in
                    parquetErrorMessage { () throws(ParquetError) in
                        var decoder = try RLEHybridDecoder.dictionaryIndices(input, valueCount: indices.count)
                        try decoder.decodeDictionaryIndices(
                            into: &out,
                            count: indices.count,
                            dictionaryCount: dictionaryCount
                        )
                    }
                }
            }
            #expect(
                failure(encoded, dictionaryCount: 9)
                    == "corrupt Parquet file: dictionary index 9 is out of range (dictionary has 9 entries)"
            )
            #expect(
                failure(encoded, dictionaryCount: 3)
                    == "corrupt Parquet file: dictionary index 3 is out of range (dictionary has 3 entries)"
            )
            // A bit-packed value of 57 at width 6 against a dictionary of 10.
            let packed =
                [UInt8(6)] + RLEHybridEncoder.encode([1, 57, 2] as [UInt32], bitWidth: 6)
                + [UInt8](repeating: 0, count: 20)
            let message = withExactBytes(packed) { input in
                parquetErrorMessage { () throws(ParquetError) in
                    var decoder = try RLEHybridDecoder.dictionaryIndices(input, valueCount: 3)
                    try decoder.decodeDictionaryIndices(into: &out, count: 3, dictionaryCount: 10)
                }
            }
            #expect(message == "corrupt Parquet file: dictionary index 57 is out of range (dictionary has 10 entries)")
            #expect(
                failure([33, 0x02, 0x01], dictionaryCount: 10)
                    == "corrupt Parquet file: dictionary index bit width 33 is larger than 32"
            )
        }

        @Test("runs longer than the values expected are cut to the values needed, as DuckDB pads them")
        func overruns() throws {
            // RLE run of 4000 (header 8000 = 0xC0 0x3E) when 100 values are expected.
            #expect(try decode([0xC0, 0x3E, 0x01], bitWidth: 1, count: 100) == [UInt32](repeating: 1, count: 100))
            // Bit-packed run of 3 groups (24 values) when 9 are expected: the padding is ignored.
            #expect(try decode([0x07, 0xFF, 0xFF, 0xFF], bitWidth: 1, count: 9) == [UInt32](repeating: 1, count: 9))
            // A bit-packed run padded to 8 values is fine for 5 values.
            #expect(try decode([0x03, 0b0001_0110], bitWidth: 1, count: 5) == [0, 1, 1, 0, 1])
        }

        @Test("bad bit widths, RLE values wider than the bit width, and requests past the end")
        func badHeaders() {
            #expect(
                parquetErrorMessage { () throws(ParquetError) in _ = try decode([], bitWidth: 33, count: 1) }
                    == "corrupt Parquet file: RLE/bit-packed hybrid bit width 33 is larger than 32"
            )
            #expect(
                parquetErrorMessage { () throws(ParquetError) in _ = try decode([0x04, 0x07], bitWidth: 2, count: 2) }
                    == "corrupt Parquet file: RLE run value 7 at byte 1 does not fit in bit width 2"
            )
            #expect(
                parquetErrorMessage { () throws(ParquetError) in _ = try decode([0x04, 0x01], bitWidth: 2, count: 3) }
                    == "corrupt Parquet file: RLE/bit-packed hybrid data ends after 2 bytes with 1 values still expected"
            )
            #expect(
                parquetErrorMessage { () throws(ParquetError) in _ = try decode([0x05, 0x01], bitWidth: 16, count: 16) }
                    == "corrupt Parquet file: bit-packed run of 16 values at byte 0 needs 32 bytes but only 1 remain"
            )
            var narrow = [UInt16](repeating: 0, count: 1)
            let message = withExactBytes([0x02, 0, 0, 0]) { input in
                parquetErrorMessage { () throws(ParquetError) in
                    var decoder = try RLEHybridDecoder(input, bitWidth: 20, valueCount: 1)
                    try decoder.decode(into: &narrow, count: 1)
                }
            }
            #expect(message == "corrupt Parquet file: bit width 20 is too wide for 16-bit values")
        }

        @Test("zero-width data decodes to zeros, even when the writer left out the runs")
        func zeroWidth() throws {
            #expect(try decode([], bitWidth: 0, count: 5) == [0, 0, 0, 0, 0])
            #expect(try decode([0x06], bitWidth: 0, count: 3) == [0, 0, 0])
        }

        @Test(
            "every truncation of valid data throws or decodes the same values, and never crashes",
            arguments: [1, 5, 12, 32]
        )
        func truncations(width: Int) {
            let values = mixedRuns(count: 300, bitWidth: width, seed: 7).map { UInt32(truncatingIfNeeded: $0) }
            let encoded = RLEHybridEncoder.encode(values, bitWidth: width)
            for length in 0..<encoded.count {
                let result = Result { () throws(ParquetError) in
                    try decode(Array(encoded[..<length]), bitWidth: width, count: values.count)
                }
                if case .success(let decoded) = result { #expect(decoded == values, "prefix \(length)") }
            }
        }
    }
}
