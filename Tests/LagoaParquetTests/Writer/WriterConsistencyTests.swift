import LagoaColumnar
import LagoaTesting
import Testing

@testable import LagoaParquet

@Suite("Parquet writer consistency")
struct WriterConsistencyTests {
    typealias Support = WriterTestSupport

    /// Random values with many repeats, so that pages hold some distinct values several times.
    private func randomBatch(rows: Int, seed: UInt64) -> RecordBatch {
        var rng = SeededGenerator(seed: seed)
        func pick(_ n: UInt64) -> Int { Int(rng.next() % n) }
        var strings: [Value] = []
        var decimals: [Value] = []
        var wide: [Value] = []
        var fixed: [Value] = []
        var doubles: [Value] = []
        for _ in 0..<rows {
            let nullRow = pick(10) == 0
            let length = pick(12)
            strings.append(nullRow ? .null : .string(String((0..<length).map { _ in Character(Unicode.Scalar(UInt8(97 + pick(3)))) })))
            decimals.append(nullRow ? .null : .decimal(Int128(pick(2_000)) - 1_000, scale: 2))
            wide.append(.decimal((Int128(pick(1_000)) - 500) * 1_000_000_000_000_000_000, scale: 3))
            fixed.append(.binary((0..<5).map { _ in UInt8(pick(4) * 60) }))
            doubles.append(.double([-0.0, 0.0, 1.5, -2.25, .infinity][pick(5)]))
        }
        return Support.batch([
            (Field("s", .string), strings),
            (Field("d", .decimal128(precision: 6, scale: 2)), decimals),
            (Field("w", .decimal128(precision: 30, scale: 3)), wide),
            (Field("f", .fixedSizeBinary(5)), fixed),
            (Field("x", .float64), doubles),
        ])
    }

    @Test("statistics and column indexes are the same with and without a dictionary", arguments: [1, 2, 3] as [UInt64])
    func dictionaryIndependent(seed: UInt64) async throws {
        let batch = randomBatch(rows: 700, seed: seed)
        let withDictionary = try await Support.roundTrip([batch], options: ParquetWriteOptions(maxRowsPerPage: 64))
        let plain = try await Support.roundTrip([batch], options: ParquetWriteOptions(maxRowsPerPage: 64, dictionary: false))
        for leaf in 0..<batch.schema.fields.count {
            let a = withDictionary.footer.rowGroups[0].columns[leaf].metaData!
            let b = plain.footer.rowGroups[0].columns[leaf].metaData!
            #expect(a.statistics == b.statistics, "column \(leaf)")
            let indexA = try Support.pageIndex(withDictionary, group: 0, column: leaf).0
            let indexB = try Support.pageIndex(plain, group: 0, column: leaf).0
            #expect(indexA == indexB, "column \(leaf)")
            #expect(indexA != nil)
        }
    }

    @Test("the bytes written do not depend on parallelism")
    func deterministic() async throws {
        let batch = WriterSampleData.primitiveBatch(rows: 300)
        let one = try await Support.write([batch], options: ParquetWriteOptions(maxRowsPerRowGroup: 100, maxRowsPerPage: 30, parallelism: 1))
        let many = try await Support.write([batch], options: ParquetWriteOptions(maxRowsPerRowGroup: 100, maxRowsPerPage: 30, parallelism: 8))
        #expect(one.bytes == many.bytes)
    }

    @Test("row groups split batches at the row limit and keep batch order")
    func splitting() async throws {
        let batch = WriterSampleData.primitiveBatch(rows: 95)
        let pieces = [batch.slice(0, 10), batch.slice(10, 0), batch.slice(10, 85)]
        let written = try await Support.write(pieces, options: ParquetWriteOptions(maxRowsPerRowGroup: 40))
        #expect(written.footer.rowGroups.map(\.numRows) == [40, 40, 15])
        let read = try await Support.reader(written).readAll()
        #expect(BatchComparison.difference(expected: [batch], actual: read) == nil)
    }
}
