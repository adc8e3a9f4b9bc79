import LagoaColumnar
import Testing

@testable import LagoaParquet

@Suite("Parquet writer dictionary encoding")
struct WriterDictionaryTests {
    typealias Support = WriterTestSupport

    @Test("a dictionary over the size limit falls back mid-chunk; earlier pages stay dictionary-encoded")
    func fallback() async throws {
        let rows = 400
        let batch = Support.batch([
            (Field("i", .int64), (0..<rows).map { .int(Int64($0 * 7)) }),
            (Field("s", .string), (0..<rows).map { .string("distinct value \($0)") }),
            (Field("d", .float64), (0..<rows).map { .double(Double($0) / 3) }),
        ])
        let options = ParquetWriteOptions(maxRowsPerPage: 50, dictionaryPageSizeLimit: 1_000, deltaEncodings: true)
        let written = try await Support.roundTrip([batch], options: options)
        let fallbacks: [Encoding] = [.deltaBinaryPacked, .deltaLengthByteArray, .plain]
        for (leaf, fallback) in fallbacks.enumerated() {
            let meta = written.footer.rowGroups[0].columns[leaf].metaData!
            #expect(meta.encodings.contains(.rleDictionary))
            #expect(meta.encodings.contains(fallback))
            let headers = try Support.pageHeaders(written, group: 0, column: leaf)
            #expect(headers.first?.type == .dictionaryPage)
            let encodings = headers.compactMap(\.dataPageHeader).map(\.encoding)
            let firstFallback = try #require(encodings.firstIndex(of: fallback))
            #expect(firstFallback > 0)
            #expect(encodings[..<firstFallback].allSatisfy { $0 == .rleDictionary })
            #expect(encodings[firstFallback...].allSatisfy { $0 == fallback })
            let stats = try #require(meta.encodingStats)
            #expect(stats.contains { $0.pageType == .dictionaryPage && $0.encoding == .plain && $0.count == 1 })
            #expect(stats.contains { $0.pageType == .dataPage && $0.encoding == .rleDictionary && Int($0.count) == firstFallback })
            #expect(stats.contains { $0.pageType == .dataPage && $0.encoding == fallback && Int($0.count) == encodings.count - firstFallback })
        }
    }

    @Test("a dictionary that stays small encodes every page")
    func noFallback() async throws {
        let batch = Support.batch([(Field("s", .string), (0..<1_000).map { .string(["red", "green", "blue"][$0 % 3]) })])
        let written = try await Support.roundTrip([batch], options: ParquetWriteOptions(maxRowsPerPage: 100))
        let meta = written.footer.rowGroups[0].columns[0].metaData!
        #expect(meta.encodings == [.plain, .rle, .rleDictionary])
        let headers = try Support.pageHeaders(written, group: 0, column: 0)
        #expect(headers[0].dictionaryPageHeader?.numValues == 3)
        #expect(headers.dropFirst().allSatisfy { $0.dataPageHeader?.encoding == .rleDictionary })
        #expect(meta.dictionaryPageOffset != nil && meta.dictionaryPageOffset! < meta.dataPageOffset)
    }

    @Test("dictionary keys are bit patterns: -0.0, +0.0 and NaN stay distinct")
    func floatKeys() async throws {
        let values: [Value] = [.double(0.0), .double(-0.0), .double(.nan), .double(0.0), .double(-0.0), .double(.nan)]
        let written = try await Support.write([Support.batch([(Field("f", .float64), values)])])
        let headers = try Support.pageHeaders(written, group: 0, column: 0)
        #expect(headers[0].dictionaryPageHeader?.numValues == 3)
        let read = try await Support.reader(written).readAll()
        let column = read[0].columns[0].values(as: Double.self)
        #expect(column.map(\.bitPattern) == [0.0, -0.0, .nan, 0.0, -0.0, .nan].map(\.bitPattern))
    }

    @Test("fixed-width dictionaries of every width and a large byte-array dictionary", arguments: [1, 3, 7, 9, 16, 17, 40])
    func widths(width: Int) async throws {
        let values: [Value] = (0..<3_000).map { row in
            .binary((0..<width).map { UInt8(truncatingIfNeeded: (row % 900) >> (($0 % 2) * 8) &+ $0) })
        }
        let batch = Support.batch([
            (Field("f", .fixedSizeBinary(width)), values),
            (Field("s", .string), (0..<3_000).map { .string("s\($0 % 2_500)") }),
        ])
        try await Support.roundTrip([batch], options: ParquetWriteOptions(dictionaryPageSizeLimit: 1 << 30))
    }

    @Test("booleans are never dictionary-encoded")
    func booleans() async throws {
        let batch = Support.batch([(Field("b", .boolean), (0..<100).map { .bool($0 % 3 == 0) })])
        let written = try await Support.roundTrip([batch])
        let meta = written.footer.rowGroups[0].columns[0].metaData!
        #expect(meta.dictionaryPageOffset == nil)
        #expect(meta.encodings == [.rle, .plain])
        let v2 = try await Support.roundTrip([batch], options: ParquetWriteOptions(dataPageVersion: .v2))
        #expect(v2.footer.rowGroups[0].columns[0].metaData!.encodings == [.rle])
    }
}
