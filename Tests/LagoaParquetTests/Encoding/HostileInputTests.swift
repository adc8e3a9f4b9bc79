import LagoaColumnar
import Testing

@testable import LagoaParquet

extension EncodingTests {
    /// Mutated and random inputs for every decoder: each must return or throw a corrupt-file error,
    /// never crash, hang or read outside its buffer (run under `--sanitize=address` to check reads).
    @Suite("Hostile input")
    struct HostileInputTests {
        /// The decoders exercised, each over its own valid seed input.
        enum Decoder: CaseIterable, Sendable {
            case rle, dictionary, levels, deltaInt32, deltaInt64, deltaLength, deltaByteArray, plainByteArray
            case byteStreamSplit, plainBooleans, bitPackedLevels
        }

        /// A valid encoding for `decoder` and the value count it holds.
        func seed(_ decoder: Decoder) throws -> (bytes: [UInt8], count: Int) {
            let values = mixedRuns(count: 200, bitWidth: 4, seed: 1)
            let strings = (0..<40).map { i in Array("value-\(i % 7)-\(i)".utf8) }
            let (offsets, stringBytes) = arrowLayout(strings)
            var out = MutableBuffer()
            switch decoder {
            case .rle, .levels:
                return (RLEHybridEncoder.encode(values.map { UInt32($0) }, bitWidth: 5), 200)
            case .dictionary:
                return ([5] + RLEHybridEncoder.encode(values.map { UInt32($0) }, bitWidth: 5), 200)
            case .deltaInt32:
                return (DeltaBinaryPackedEncoder.encode(values.map { Int32($0) * 1000 - 7 }), 200)
            case .deltaInt64:
                return (DeltaBinaryPackedEncoder.encode(values.map { Int64($0) << 40 }), 200)
            case .deltaLength, .deltaByteArray, .plainByteArray:
                try offsets.withUnsafeBufferPointer { (offsets) throws(ParquetError) in
                    try withExactBytes(stringBytes) { (bytes) throws(ParquetError) in
                        switch decoder {
                        case .deltaLength:
                            try DeltaLengthByteArray.encode(offsets: offsets, bytes: bytes.baseAddress, into: &out)
                        case .deltaByteArray:
                            try DeltaByteArray.encode(offsets: offsets, bytes: bytes.baseAddress, into: &out)
                        default:
                            try PlainEncoder.encodeByteArrays(offsets: offsets, bytes: bytes.baseAddress, into: &out)
                        }
                    }
                }
                return (out.bytes, strings.count)
            case .byteStreamSplit:
                return ((0..<64).map { UInt8($0) }, 16)
            case .plainBooleans:
                return ([0xA5, 0x5A, 0xFF], 20)
            case .bitPackedLevels:
                let levels = values.map { UInt16($0) }
                return (levels.withUnsafeBufferPointer { BitPacking.packMSBFirst($0, bitWidth: 5) }, 200)
            }
        }

        /// Runs `decoder` over `input` asking for `count` values.
        func run(_ decoder: Decoder, _ input: UnsafeRawBufferPointer, count: Int) throws(ParquetError) {
            var words = [UInt32](repeating: 0, count: count)
            var levels = [UInt16](repeating: 0, count: count)
            var wide = [Int64](repeating: 0, count: count)
            var offsets = startedOffsets()
            var data = MutableBuffer()
            switch decoder {
            case .rle:
                var d = try RLEHybridDecoder(input, bitWidth: 5, valueCount: count)
                try d.decode(into: &words, count: count)
            case .dictionary:
                var d = try RLEHybridDecoder.dictionaryIndices(input, valueCount: count)
                try d.decodeDictionaryIndices(into: &words, count: count, dictionaryCount: 20)
            case .levels:
                var d = try RLEHybridDecoder(input, bitWidth: 5, valueCount: count)
                try d.decodeLevels(into: &levels, count: count, maxLevel: 25)
            case .deltaInt32:
                var d = try DeltaBinaryPackedDecoder<Int32>(input)
                var narrow = [Int32](repeating: 0, count: min(count, d.totalCount))
                try d.decode(into: &narrow, count: narrow.count)
            case .deltaInt64:
                var d = try DeltaBinaryPackedDecoder<Int64>(input)
                let n = min(count, d.totalCount)
                try d.decode(into: &wide, count: n)
                if d.remaining == 0 { #expect(d.bytesConsumed <= input.count) }
            case .deltaLength:
                let consumed = try DeltaLengthByteArray.decode(input, count: count, offsets: &offsets, data: &data)
                #expect(consumed <= input.count)
            case .deltaByteArray:
                let consumed = try DeltaByteArray.decode(
                    input,
                    count: count,
                    maxOutputBytes: 1 << 20,
                    offsets: &offsets,
                    data: &data
                )
                #expect(consumed <= input.count)
            case .plainByteArray:
                let consumed = try PlainDecoder.decodeByteArrays(input, count: count, offsets: &offsets, data: &data)
                #expect(consumed <= input.count)
            case .byteStreamSplit:
                try ByteStreamSplit.decode(input, count: count, width: 4, into: &words)
            case .plainBooleans:
                var bytes = [UInt8](repeating: 0, count: count)
                try PlainDecoder.decodeBooleans(input, count: count, into: &bytes)
            case .bitPackedLevels:
                _ = try BitPacking.decodeMSBFirst(input, count: count, bitWidth: 5, into: &levels)
            }
        }

        @Test("mutated and random inputs throw corrupt-file errors or decode, never crash", arguments: Decoder.allCases)
        func mutations(decoder: Decoder) throws {
            let (valid, count) = try seed(decoder)
            try withExactBytes(valid) { (input) throws(ParquetError) in try run(decoder, input, count: count) }
            var rng = SeededGenerator(seed: 0xF00D)
            for round in 0..<300 {
                var bytes = valid
                switch round % 4 {
                case 0:
                    for _ in 0..<(1 + Int(rng.next() % 4)) where !bytes.isEmpty {
                        bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next())
                    }
                case 1:
                    bytes = Array(bytes.prefix(Int(rng.next() % UInt64(bytes.count + 1))))
                case 2:
                    bytes = []
                    for _ in 0..<Int(rng.next() % 64) { bytes.append(UInt8(truncatingIfNeeded: rng.next())) }
                default:
                    let at = Int(rng.next() % UInt64(bytes.count + 1))
                    bytes.insert(contentsOf: [UInt8](repeating: 0xFF, count: Int(rng.next() % 6)), at: at)
                }
                let asked = round % 5 == 0 ? Int(rng.next() % 400) : count
                let result = withExactBytes(bytes) { (input) -> ParquetError? in
                    do throws(ParquetError) {
                        try run(decoder, input, count: asked)
                        return nil
                    } catch {
                        return error
                    }
                }
                if let result {
                    #expect(result.code == .corruptFile || result.code == .resourceLimit, "\(result.message)")
                }
            }
        }
    }
}
