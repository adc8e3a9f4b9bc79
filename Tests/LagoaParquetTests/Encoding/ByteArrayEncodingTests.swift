import LagoaColumnar
import Testing

@testable import LagoaParquet

extension EncodingTests {
    @Suite("DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY")
    struct ByteArrayEncodingTests {
        /// Which byte-array encoding a test uses.
        enum Kind: CaseIterable, Sendable { case deltaLength, deltaByteArray, plain }

        func encode(_ strings: [[UInt8]], _ kind: Kind) throws(ParquetError) -> [UInt8] {
            let (offsets, bytes) = arrowLayout(strings)
            var out = MutableBuffer()
            try offsets.withUnsafeBufferPointer { (offsets) throws(ParquetError) in
                try withExactBytes(bytes) { (bytes) throws(ParquetError) in
                    switch kind {
                    case .deltaLength:
                        try DeltaLengthByteArray.encode(offsets: offsets, bytes: bytes.baseAddress, into: &out)
                    case .deltaByteArray:
                        try DeltaByteArray.encode(offsets: offsets, bytes: bytes.baseAddress, into: &out)
                    case .plain:
                        try PlainEncoder.encodeByteArrays(offsets: offsets, bytes: bytes.baseAddress, into: &out)
                    }
                }
            }
            return out.bytes
        }

        func decode(
            _ encoded: [UInt8],
            count: Int,
            _ kind: Kind,
            start: Int64 = 0
        ) throws(ParquetError) -> (values: [[UInt8]], consumed: Int, offsets: [Int64]) {
            var offsets = startedOffsets(start)
            var data = MutableBuffer()
            let consumed = try withExactBytes(encoded) { (input) throws(ParquetError) -> Int in
                switch kind {
                case .deltaLength: try DeltaLengthByteArray.decode(input, count: count, offsets: &offsets, data: &data)
                case .deltaByteArray: try DeltaByteArray.decode(input, count: count, offsets: &offsets, data: &data)
                case .plain: try PlainDecoder.decodeByteArrays(input, count: count, offsets: &offsets, data: &data)
                }
            }
            let rebased = offsets.int64s.map { $0 - start }
            return (values(offsets: rebased, bytes: data.bytes), consumed, offsets.int64s)
        }

        @Test("the spec's DELTA_LENGTH_BYTE_ARRAY example: Hello, World, Foobar, ABCDEF")
        func deltaLengthSpecExample() throws {
            let strings = ["Hello", "World", "Foobar", "ABCDEF"].map { Array($0.utf8) }
            let encoded = try encode(strings, .deltaLength)
            #expect(
                encoded == DeltaBinaryPackedEncoder.encode([5, 5, 6, 6] as [Int32])
                    + Array("HelloWorldFoobarABCDEF".utf8)
            )
            let (values, consumed, _) = try decode(encoded, count: 4, .deltaLength)
            #expect(values == strings)
            #expect(consumed == encoded.count)
        }

        @Test("the spec's DELTA_BYTE_ARRAY example: axis, axle, babble, babyhood")
        func deltaByteArraySpecExample() throws {
            let strings = ["axis", "axle", "babble", "babyhood"].map { Array($0.utf8) }
            let encoded = try encode(strings, .deltaByteArray)
            let expected =
                DeltaBinaryPackedEncoder.encode([0, 2, 0, 3] as [Int32])
                + DeltaBinaryPackedEncoder.encode([4, 2, 6, 5] as [Int32]) + Array("axislebabbleyhood".utf8)
            #expect(encoded == expected)
            let (values, consumed, _) = try decode(encoded + [9, 9], count: 4, .deltaByteArray)
            #expect(values == strings)
            #expect(consumed == encoded.count)
        }

        @Test("round trips of random strings, offsets continuing from the caller's start", arguments: Kind.allCases)
        func roundTrip(kind: Kind) throws {
            var rng = SeededGenerator(seed: 21)
            for count in [0, 1, 2, 100, 700] {
                var strings: [[UInt8]] = []
                for _ in 0..<count {
                    // Shared prefixes (sorted-ish keys), empty values, and long values.
                    var s = strings.last.map { Array($0.prefix(Int(rng.next() % 12))) } ?? []
                    let extra = rng.next() % 10 == 0 ? Int(rng.next() % 300) : Int(rng.next() % 20)
                    s += (0..<extra).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
                    strings.append(s)
                }
                let encoded = try encode(strings, kind)
                let (values, consumed, offsets) = try decode(encoded, count: count, kind, start: 1000)
                #expect(values == strings, "\(kind) count \(count)")
                #expect(consumed == encoded.count)
                #expect(offsets.first == 1000)
            }
        }

        @Test("every truncation throws or decodes the same values, and never crashes", arguments: Kind.allCases)
        func truncations(kind: Kind) throws {
            let strings = ["apple", "applesauce", "", "banana", "band", "bandana", "x"].map { Array($0.utf8) }
            let encoded = try encode(strings, kind)
            for length in 0..<encoded.count {
                let result = Result { () throws(ParquetError) in
                    try decode(Array(encoded[..<length]), count: strings.count, kind)
                }
                switch result {
                case .success(let decoded): #expect(decoded.values == strings && kind != .plain, "prefix \(length)")
                case .failure(let error): #expect(error.code == .corruptFile)
                }
            }
        }

        @Test("lengths that do not match the data are rejected with precise messages")
        func malformed() throws {
            // DELTA_LENGTH_BYTE_ARRAY with a length of 10 but only 3 bytes of data.
            let lengths = DeltaBinaryPackedEncoder.encode([2, 10] as [Int32])
            #expect(
                parquetErrorMessage { () throws(ParquetError) in
                    _ = try decode(lengths + [1, 2, 3], count: 2, .deltaLength)
                }
                    == "corrupt Parquet file: DELTA_LENGTH_BYTE_ARRAY value 1 of length 10 runs past the end of the data "
                    + "(3 bytes of values)"
            )
            #expect(
                parquetErrorMessage { () throws(ParquetError) in
                    _ = try decode(
                        DeltaBinaryPackedEncoder.encode([2, -4] as [Int32]) + [1, 2],
                        count: 2,
                        .deltaLength
                    )
                } == "corrupt Parquet file: DELTA_LENGTH_BYTE_ARRAY value 1 has negative length -4"
            )
            #expect(
                parquetErrorMessage { () throws(ParquetError) in
                    _ = try decode(lengths + [1, 2, 3], count: 3, .deltaLength)
                }
                    == "corrupt Parquet file: DELTA_LENGTH_BYTE_ARRAY holds 2 lengths but 3 values were expected"
            )
            // DELTA_BYTE_ARRAY whose second prefix is longer than the first value.
            let prefixes = DeltaBinaryPackedEncoder.encode([0, 5] as [Int32])
            let suffixes = DeltaBinaryPackedEncoder.encode([3, 1] as [Int32])
            #expect(
                parquetErrorMessage { () throws(ParquetError) in
                    _ = try decode(prefixes + suffixes + Array("abcd".utf8), count: 2, .deltaByteArray)
                }
                    == "corrupt Parquet file: DELTA_BYTE_ARRAY prefix length 5 of value 1 is not within the previous value's 3 bytes"
            )
            let firstPrefix = DeltaBinaryPackedEncoder.encode([1, 0] as [Int32])
            #expect(
                parquetErrorMessage { () throws(ParquetError) in
                    _ = try decode(firstPrefix + suffixes + Array("abcd".utf8), count: 2, .deltaByteArray)
                }
                    == "corrupt Parquet file: DELTA_BYTE_ARRAY prefix length 1 of value 0 is not within the previous value's 0 bytes"
            )
        }

        @Test("DELTA_BYTE_ARRAY checks fixed lengths and caps the expanded size")
        func deltaByteArrayLimits() throws {
            let strings = (0..<50).map { _ in [UInt8](repeating: 7, count: 100) }
            let encoded = try encode(strings, .deltaByteArray)
            #expect(encoded.count < 250)
            func failure(fixedLength: Int?, maxOutputBytes: Int) -> ParquetError? {
                var offsets = startedOffsets()
                var data = MutableBuffer()
                return withExactBytes(encoded) { (input) -> ParquetError? in
                    do throws(ParquetError) {
                        try DeltaByteArray.decode(
                            input,
                            count: 50,
                            fixedLength: fixedLength,
                            maxOutputBytes: maxOutputBytes,
                            offsets: &offsets,
                            data: &data
                        )
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            #expect(failure(fixedLength: 100, maxOutputBytes: 5000) == nil)
            #expect(
                failure(fixedLength: 16, maxOutputBytes: 5000)?.message
                    == "corrupt Parquet file: DELTA_BYTE_ARRAY value 0 has length 100 but the column's fixed length is 16"
            )
            let limit = failure(fixedLength: nil, maxOutputBytes: 1000)
            #expect(limit?.code == .resourceLimit)
            #expect(limit?.message == "DELTA_BYTE_ARRAY page expands to more than 1000 bytes at value 10")
        }
    }
}
