import LagoaColumnar
import LagoaCompression
import Testing

@testable import LagoaParquet

@Suite("Parquet writer option matrix")
struct WriterOptionsMatrixTests {
    typealias Support = WriterTestSupport

    /// One combination of codec, page version, dictionary and delta encodings.
    struct Combination: Sendable, CustomTestStringConvertible {
        let codec: LagoaCompression.CompressionCodec
        let version: ParquetDataPageVersion
        let dictionary: Bool
        let delta: Bool

        var testDescription: String { "\(codec) \(version) dictionary=\(dictionary) delta=\(delta)" }

        static let all: [Combination] = {
            var result: [Combination] = []
            for codec in [LagoaCompression.CompressionCodec.uncompressed, .snappy, .gzip, .zstd(level: 3), .lz4Raw] {
                for version in [ParquetDataPageVersion.v1, .v2] {
                    for dictionary in [true, false] {
                        for delta in [true, false] {
                            result.append(Combination(codec: codec, version: version, dictionary: dictionary, delta: delta))
                        }
                    }
                }
            }
            return result
        }()
    }

    @Test("every codec × page version × dictionary × delta round trips flat and nested data", arguments: Combination.all)
    func matrix(_ combination: Combination) async throws {
        let options = ParquetWriteOptions(
            compression: combination.codec, maxRowsPerRowGroup: 150, maxRowsPerPage: 40,
            dataPageVersion: combination.version, dictionary: combination.dictionary, deltaEncodings: combination.delta)
        let flat = WriterSampleData.primitiveBatch(rows: 200)
        let written = try await Support.roundTrip([flat], options: options)
        let nested = Support.batch([(Field("n", WriterSampleData.nestedType), (0..<200).map(WriterSampleData.nestedValue(row:)))])
        try await Support.roundTrip([nested], options: options)

        let chunk = written.footer.rowGroups[0].columns[4].metaData!
        #expect(chunk.codec == options.parquetCodec)
        let expected: Encoding = combination.dictionary ? .rleDictionary : (combination.delta ? .deltaBinaryPacked : .plain)
        #expect(chunk.encodings.contains(expected))
        let headers = try Support.pageHeaders(written, group: 0, column: 4)
        let dataType: PageType = combination.version == .v1 ? .dataPage : .dataPageV2
        #expect(headers.filter { $0.type == dataType }.count == 4)
        #expect(headers.contains { $0.type == .dictionaryPage } == combination.dictionary)
    }

    @Test("data page v2 headers carry null and row counts and uncompressed levels")
    func pageV2Headers() async throws {
        let batch = Support.batch([(Field("n", WriterSampleData.nestedType), (0..<30).map(WriterSampleData.nestedValue(row:)))])
        let options = ParquetWriteOptions(compression: .zstd, maxRowsPerPage: 10, dataPageVersion: .v2)
        let written = try await Support.roundTrip([batch], options: options)
        let headers = try Support.pageHeaders(written, group: 0, column: 0).filter { $0.type == .dataPageV2 }
        #expect(headers.map { $0.dataPageHeaderV2!.numRows } == [10, 10, 10])
        #expect(headers.allSatisfy { $0.dataPageHeaderV2!.isCompressed == true })
        let meta = written.footer.rowGroups[0].columns[0].metaData!
        let nulls = headers.reduce(0) { $0 + Int($1.dataPageHeaderV2!.numNulls) }
        #expect(Int64(nulls) == meta.statistics?.nullCount)
        #expect(headers.reduce(0) { $0 + Int($1.dataPageHeaderV2!.numValues) } == Int(meta.numValues))
    }

    @Test("per-column encodings override the default", arguments: [
        ("f32", Encoding.byteStreamSplit), ("f64", .byteStreamSplit), ("i32", .byteStreamSplit), ("i64", .deltaBinaryPacked),
        ("str", .deltaByteArray), ("str", .deltaLengthByteArray), ("bin", .deltaByteArray), ("fsb", .deltaByteArray),
        ("uuid", .byteStreamSplit), ("d9", .byteStreamSplit), ("bool", .rle), ("u64", .plain),
    ])
    func columnEncodings(column: String, encoding: Encoding) async throws {
        let batch = WriterSampleData.primitiveBatch(rows: 120)
        for dictionary in [false, true] {
            let options = ParquetWriteOptions(
                maxRowsPerPage: 50, dictionary: dictionary, dictionaryPageSizeLimit: 40, columnEncodings: [column: encoding])
            let written = try await Support.roundTrip([batch], options: options)
            let leaf = batch.schema.index(of: column)!
            #expect(written.footer.rowGroups[0].columns[leaf].metaData!.encodings.contains(encoding))
        }
    }

    @Test("DELTA_BYTE_ARRAY and DELTA_LENGTH_BYTE_ARRAY handle nested strings")
    func nestedDeltaStrings() async throws {
        let batch = Support.batch([(Field("n", WriterSampleData.nestedType), (0..<90).map(WriterSampleData.nestedValue(row:)))])
        for encoding in [Encoding.deltaByteArray, .deltaLengthByteArray] {
            let options = ParquetWriteOptions(maxRowsPerPage: 13, dictionary: false, columnEncodings: ["n": encoding])
            try await Support.roundTrip([batch], options: options)
        }
    }
}
