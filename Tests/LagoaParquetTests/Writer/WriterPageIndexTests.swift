import LagoaColumnar
import Testing

@testable import LagoaParquet

@Suite("Parquet writer page index")
struct WriterPageIndexTests {
    typealias Support = WriterTestSupport

    @Test("one column and offset index entry per data page, first rows increasing from 0")
    func entriesPerPage() async throws {
        let batch = WriterSampleData.primitiveBatch(rows: 250)
        let options = ParquetWriteOptions(maxRowsPerRowGroup: 200, maxRowsPerPage: 30)
        let written = try await Support.roundTrip([batch], options: options)
        for group in 0..<2 {
            for leaf in 0..<batch.schema.fields.count {
                let (columnIndex, offsetIndex) = try Support.pageIndex(written, group: group, column: leaf)
                let headers = try Support.pageHeaders(written, group: group, column: leaf).filter { $0.type == .dataPage }
                let locations = try #require(offsetIndex).pageLocations
                #expect(locations.count == headers.count)
                #expect(locations.first?.firstRowIndex == 0)
                #expect(zip(locations, locations.dropFirst()).allSatisfy { $0.firstRowIndex < $1.firstRowIndex && $0.offset < $1.offset })
                let index = try #require(columnIndex)
                #expect(index.nullPages.count == headers.count)
                #expect(index.minValues.count == headers.count && index.maxValues.count == headers.count)
                #expect(index.nullCounts?.count == headers.count)
            }
        }
    }

    @Test("page locations point at the page headers and cover the data pages exactly")
    func locations() async throws {
        let batch = Support.batch([(Field("s", .string), (0..<500).map { .string("value \($0 % 37)") })])
        let written = try await Support.write([batch], options: ParquetWriteOptions(maxRowsPerPage: 64))
        let meta = written.footer.rowGroups[0].columns[0].metaData!
        let (_, offsetIndex) = try Support.pageIndex(written, group: 0, column: 0)
        let locations = try #require(offsetIndex).pageLocations
        #expect(locations.first?.offset == meta.dataPageOffset)
        #expect(locations.map(\.firstRowIndex) == stride(from: 0, to: 500, by: 64).map(Int64.init))
        for (location, next) in zip(locations, locations.dropFirst()) {
            #expect(location.offset + Int64(location.compressedPageSize) == next.offset)
        }
        let last = locations.last!
        let chunkEnd = (meta.dictionaryPageOffset ?? meta.dataPageOffset) + meta.totalCompressedSize
        #expect(last.offset + Int64(last.compressedPageSize) == chunkEnd)
        for location in locations {
            let bytes = Array(written.bytes[Int(location.offset)...])
            let (header, _) = try PageHeader.decode(bytes, what: "page header")
            #expect(header.type == .dataPage)
        }
    }

    @Test("boundary order is ascending, descending or unordered as the pages are")
    func boundaryOrder() async throws {
        let rows = 100
        let batch = Support.batch([
            (Field("up", .int64), (0..<rows).map { .int(Int64($0)) }),
            (Field("down", .string), (0..<rows).map { .string(String(format3(rows - $0))) }),
            (Field("mixed", .int32), (0..<rows).map { .int(Int64(($0 * 37) % 101)) }),
            (Field("flat", .int32), (0..<rows).map { _ in .int(4) }),
        ])
        let written = try await Support.write([batch], options: ParquetWriteOptions(maxRowsPerPage: 10))
        let orders = try (0..<4).map { try #require(Support.pageIndex(written, group: 0, column: $0).0).boundaryOrder }
        #expect(orders == [.ascending, .descending, .unordered, .ascending])
    }

    @Test("null pages have empty bounds and are skipped by the boundary order")
    func nullPages() async throws {
        let values: [Value] = (0..<40).map { $0 >= 10 && $0 < 20 ? .null : .int(Int64($0)) }
        let written = try await Support.write([Support.batch([(Field("a", .int32), values)])], options: ParquetWriteOptions(maxRowsPerPage: 10))
        let index = try #require(try Support.pageIndex(written, group: 0, column: 0).0)
        #expect(index.nullPages == [false, true, false, false])
        #expect(index.minValues[1] == [] && index.maxValues[1] == [])
        #expect(index.nullCounts == [0, 10, 0, 0])
        #expect(index.minValues[0] == Support.bytes(Int32(0)) && index.maxValues[3] == Support.bytes(Int32(39)))
        #expect(index.boundaryOrder == .ascending)
    }

    @Test("pages of repeated columns start at row boundaries")
    func repeatedPages() async throws {
        let type = DataType.list(Field("element", .int64))
        let values: [Value] = (0..<60).map { row in .list((0..<(row % 5)).map { .int(Int64($0)) }) }
        let batch = Support.batch([(Field("l", type), values)])
        let written = try await Support.roundTrip([batch], options: ParquetWriteOptions(pageSize: 16, maxRowsPerPage: 100))
        let (_, offsetIndex) = try Support.pageIndex(written, group: 0, column: 0)
        let locations = try #require(offsetIndex).pageLocations
        #expect(locations.count > 3)
        let headers = try Support.pageHeaders(written, group: 0, column: 0).compactMap(\.dataPageHeader)
        // Each page's first row index equals the rows in the pages before it.
        var rowsBefore: Int64 = 0
        let rowsPerEntry = values.map { value -> Int in
            if case .list(let items) = value { return max(1, items.count) }
            return 1
        }
        for (location, header) in zip(locations, headers) {
            #expect(location.firstRowIndex == rowsBefore)
            var entries = Int(header.numValues)
            while entries > 0 {
                entries -= rowsPerEntry[Int(rowsBefore)]
                rowsBefore += 1
            }
            #expect(entries == 0)
        }
    }

    @Test("no page index when it is turned off; no column index for an all-NaN page")
    func omitted() async throws {
        let batch = Support.batch([(Field("f", .float64), [.double(.nan), .double(.nan), .double(1), .double(2)])])
        let off = try await Support.write([batch], options: ParquetWriteOptions(pageIndex: false))
        #expect(off.footer.rowGroups[0].columns[0].columnIndexOffset == nil)
        #expect(off.footer.rowGroups[0].columns[0].offsetIndexOffset == nil)
        let on = try await Support.write([batch], options: ParquetWriteOptions(maxRowsPerPage: 2))
        let (columnIndex, offsetIndex) = try Support.pageIndex(on, group: 0, column: 0)
        #expect(columnIndex == nil)
        #expect(offsetIndex?.pageLocations.count == 2)
    }

    @Test("column indexes come before offset indexes, after the last row group")
    func layout() async throws {
        let batch = WriterSampleData.primitiveBatch(rows: 50)
        let written = try await Support.write([batch], options: ParquetWriteOptions(maxRowsPerRowGroup: 20))
        let chunks = written.footer.rowGroups.flatMap(\.columns)
        let lastData = chunks.map { ($0.metaData!.dictionaryPageOffset ?? $0.metaData!.dataPageOffset) + $0.metaData!.totalCompressedSize }.max()!
        let columnStarts = chunks.compactMap(\.columnIndexOffset)
        let offsetStarts = chunks.compactMap(\.offsetIndexOffset)
        #expect(columnStarts.min()! >= lastData)
        #expect(columnStarts.max()! < offsetStarts.min()!)
    }

    private func format3(_ n: Int) -> String {
        String(repeating: "0", count: max(0, 3 - String(n).count)) + String(n)
    }
}
