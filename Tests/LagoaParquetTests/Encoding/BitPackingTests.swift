import Testing

@testable import LagoaParquet

extension EncodingTests {
    @Suite("BitPacking")
    struct BitPackingTests {
        @Test("bitWidth(forMax:) counts the bits of the largest value")
        func bitWidthForMax() {
            #expect(bitWidth(forMax: 0) == 0)
            #expect(bitWidth(forMax: 1) == 1)
            #expect(bitWidth(forMax: 2) == 2)
            #expect(bitWidth(forMax: 3) == 2)
            #expect(bitWidth(forMax: 4) == 3)
            #expect(bitWidth(forMax: 255) == 8)
            #expect(bitWidth(forMax: 256) == 9)
            #expect(bitWidth(forMax: UInt64(UInt32.max)) == 32)
            #expect(bitWidth(forMax: .max) == 64)
        }

        @Test("the spec's example: 0...7 at width 3 packs LSB first")
        func specExampleLSB() {
            let values: [UInt32] = [0, 1, 2, 3, 4, 5, 6, 7]
            let packed = packLSB(values, bitWidth: 3)
            #expect(packed == [0b1000_1000, 0b1100_0110, 0b1111_1010])
            var unpacked = [UInt32](repeating: 99, count: 8)
            withExactBytes(packed) { input in
                BitPacking.unpack(
                    input.baseAddress!,
                    available: 3,
                    startIndex: 0,
                    count: 8,
                    bitWidth: 3,
                    into: &unpacked
                )
            }
            #expect(unpacked == values)
        }

        @Test("round trip of UInt64 values at every width 0...64, from every start index", arguments: 0...64)
        func roundTripUInt64(width: Int) {
            var rng = SeededGenerator(seed: UInt64(width))
            let mask = width == 0 ? 0 : UInt64.max >> UInt64(64 - width)
            let values = (0..<77).map { _ in rng.next() & mask }
            let packed = packLSB(values, bitWidth: width)
            #expect(packed.count == (values.count * width + 7) / 8)
            withExactBytes(packed) { input in
                for start in [0, 1, 5, 8, 13, 40] {
                    var out = [UInt64](repeating: 1, count: values.count - start)
                    BitPacking.unpack(
                        input.baseAddress!,
                        available: input.count,
                        startIndex: start,
                        count: out.count,
                        bitWidth: width,
                        into: &out
                    )
                    #expect(out == Array(values[start...]), "width \(width) start \(start)")
                }
            }
        }

        @Test("round trip of UInt32 and UInt16 values through the group kernels", arguments: 0...32)
        func roundTripNarrow(width: Int) {
            var rng = SeededGenerator(seed: 1000 + UInt64(width))
            let mask = width == 0 ? 0 : UInt64.max >> UInt64(64 - width)
            let values = (0..<1000).map { _ in UInt32(truncatingIfNeeded: rng.next() & mask) }
            let packed = packLSB(values, bitWidth: width)
            withExactBytes(packed) { input in
                var out = [UInt32](repeating: 0, count: 1000)
                BitPacking.unpack(
                    input.baseAddress!,
                    available: input.count,
                    startIndex: 0,
                    count: 1000,
                    bitWidth: width,
                    into: &out
                )
                #expect(out == values)
                if width <= 16 {
                    var narrow = [UInt16](repeating: 0, count: 999)
                    BitPacking.unpack(
                        input.baseAddress!,
                        available: input.count,
                        startIndex: 1,
                        count: 999,
                        bitWidth: width,
                        into: &narrow
                    )
                    #expect(narrow == values.dropFirst().map { UInt16($0) })
                }
            }
        }

        @Test("the spec's deprecated BIT_PACKED example packs MSB first")
        func specExampleMSB() throws {
            let values: [UInt16] = [0, 1, 2, 3, 4, 5, 6, 7]
            let packed = values.withUnsafeBufferPointer { BitPacking.packMSBFirst($0, bitWidth: 3) }
            #expect(packed == [0b0000_0101, 0b0011_1001, 0b0111_0111])
            var out = [UInt16](repeating: 0, count: 8)
            let consumed = try withExactBytes(packed) {
                try BitPacking.decodeMSBFirst($0, count: 8, bitWidth: 3, into: &out)
            }
            #expect(consumed == 3)
            #expect(out == values)
        }

        @Test("deprecated BIT_PACKED round trip", arguments: 0...16)
        func roundTripMSB(width: Int) throws {
            var rng = SeededGenerator(seed: 77 + UInt64(width))
            let values = (0..<61).map { _ in
                UInt16(truncatingIfNeeded: width == 0 ? 0 : rng.next() >> UInt64(64 - width))
            }
            let packed = values.withUnsafeBufferPointer { BitPacking.packMSBFirst($0, bitWidth: width) }
            var out = [UInt16](repeating: 9, count: values.count)
            let consumed = try withExactBytes(packed) { (input) throws(ParquetError) in
                try BitPacking.decodeMSBFirst(input, count: values.count, bitWidth: width, into: &out)
            }
            #expect(consumed == packed.count)
            #expect(out == values)
            if width > 0 {
                let message = withExactBytes(Array(packed.dropLast())) { input in
                    parquetErrorMessage { () throws(ParquetError) in
                        _ = try BitPacking.decodeMSBFirst(input, count: values.count, bitWidth: width, into: &out)
                    }
                }
                #expect(message?.contains("do not fit") == true)
            }
        }
    }
}
