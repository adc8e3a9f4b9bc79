import LagoaColumnar
import Testing

@testable import LagoaParquet

@Suite("Parquet writer statistics")
struct WriterStatisticsTests {
    typealias Support = WriterTestSupport

    /// The chunk statistics of each column, written alone to a one-row-group file.
    private func statistics(_ columns: [(Field, [Value])], options: ParquetWriteOptions = .init()) async throws -> [Statistics] {
        var result: [Statistics] = []
        for column in columns {
            let written = try await Support.write([Support.batch([column])], options: options)
            result.append(written.footer.rowGroups[0].columns[0].metaData!.statistics!)
        }
        return result
    }

    @Test("integers: signed min/max, null count and the deprecated fields")
    func integers() async throws {
        let stats = try await statistics([
            (Field("a", .int32), [.int(5), .null, .int(-7), .int(3), .null]),
            (Field("b", .int64), [.int(Int64.max), .int(Int64.min), .null, .int(0), .int(1)]),
            (Field("c", .int8), [.int(-128), .int(127), .int(0), .null, .null]),
        ])
        #expect(stats[0].minValue == Support.bytes(Int32(-7)))
        #expect(stats[0].maxValue == Support.bytes(Int32(5)))
        #expect(stats[0].min == stats[0].minValue && stats[0].max == stats[0].maxValue)
        #expect(stats[0].nullCount == 2)
        #expect(stats[1].minValue == Support.bytes(Int64.min) && stats[1].maxValue == Support.bytes(Int64.max))
        #expect(stats[2].minValue == Support.bytes(Int32(-128)) && stats[2].maxValue == Support.bytes(Int32(127)))
        #expect(stats[0].isMinValueExact == true && stats[0].isMaxValueExact == true)
    }

    @Test("unsigned integers compare unsigned and write no deprecated fields")
    func unsigned() async throws {
        let stats = try await statistics([
            (Field("a", .uint32), [.uint(UInt64(UInt32.max)), .uint(1), .uint(0x8000_0000)]),
            (Field("b", .uint64), [.uint(UInt64.max), .uint(3), .uint(1 << 63)]),
        ])
        #expect(stats[0].minValue == Support.bytes(UInt32(1)) && stats[0].maxValue == Support.bytes(UInt32.max))
        #expect(stats[1].minValue == Support.bytes(UInt64(3)) && stats[1].maxValue == Support.bytes(UInt64.max))
        #expect(stats[0].min == nil && stats[0].max == nil)
    }

    @Test("strings and binary compare byte-wise unsigned, without deprecated fields")
    func strings() async throws {
        let stats = try await statistics([
            (Field("s", .string), [.string("banana"), .string("apple"), .null, .string("é"), .string("apples"), .string("")]),
            (Field("b", .binary), [.binary([0x80]), .binary([0x7F, 0xFF]), .binary([0x80, 0x00])]),
        ])
        #expect(stats[0].minValue == [])
        #expect(stats[0].maxValue == Array("é".utf8))
        #expect(stats[0].nullCount == 1)
        #expect(stats[0].min == nil)
        #expect(stats[1].minValue == [0x7F, 0xFF] && stats[1].maxValue == [0x80, 0x00])
    }

    @Test("a string longer than 4 KiB suppresses min/max but keeps the null count")
    func longStrings() async throws {
        let long = String(repeating: "z", count: 5_000)
        let stats = try await statistics([(Field("s", .string), [.string("a"), .string(long), .null])])
        #expect(stats[0].minValue == nil && stats[0].maxValue == nil)
        #expect(stats[0].nullCount == 1)
        let short = try await statistics([(Field("s", .string), [.string("a"), .string(String(repeating: "z", count: 4_096))])])
        #expect(short[0].maxValue?.count == 4_096)
    }

    @Test("decimals compare as signed numbers")
    func decimals() async throws {
        let stats = try await statistics([
            (Field("d", .decimal128(precision: 5, scale: 2)), [.decimal(12_345, scale: 2), .decimal(-99_999, scale: 2), .decimal(-1, scale: 2), .null]),
            (Field("w", .decimal128(precision: 30, scale: 0)), [.decimal(-1, scale: 0), .decimal(1, scale: 0)]),
        ])
        // decimal(5, 2) is stored in 3 bytes, big-endian two's complement.
        #expect(stats[0].minValue == [0xFE, 0x79, 0x61])  // -99999
        #expect(stats[0].maxValue == [0x00, 0x30, 0x39])  // 12345
        #expect(stats[0].min == stats[0].minValue)
        #expect(stats[1].minValue == [UInt8](repeating: 0xFF, count: 13))
        #expect(stats[1].maxValue == [UInt8](repeating: 0, count: 12) + [1])
    }

    @Test("floats ignore NaN and write zero bounds as -0.0 and +0.0")
    func floats() async throws {
        let stats = try await statistics([
            (Field("a", .float64), [.double(.nan), .double(2.5), .double(-1), .double(.nan)]),
            (Field("b", .float64), [.double(0.0), .double(-0.0), .double(0.0)]),
            (Field("c", .float32), [.float(.nan), .float(.nan), .null]),
            (Field("d", .float32), [.float(-0.0), .float(3)]),
        ])
        #expect(stats[0].minValue == Support.bytes(-1.0) && stats[0].maxValue == Support.bytes(2.5))
        #expect(stats[1].minValue == Support.bytes(-0.0 as Double) && stats[1].maxValue == Support.bytes(0.0 as Double))
        #expect(stats[2].minValue == nil && stats[2].maxValue == nil && stats[2].nullCount == 1)
        #expect(stats[3].minValue == Support.bytes(-0.0 as Float) && stats[3].maxValue == Support.bytes(Float(3)))
    }

    @Test("booleans, dates and timestamps")
    func others() async throws {
        let stats = try await statistics([
            (Field("b", .boolean), [.bool(true), .bool(true), .null]),
            (Field("d", .date32), [.date(10), .date(-3)]),
            (Field("t", .timestamp(.microsecond, timeZone: "UTC")), [.timestamp(7, .microsecond, timeZone: "UTC"), .timestamp(-7, .microsecond, timeZone: "UTC")]),
        ])
        #expect(stats[0].minValue == [1] && stats[0].maxValue == [1] && stats[0].nullCount == 1)
        #expect(stats[1].minValue == Support.bytes(Int32(-3)) && stats[1].maxValue == Support.bytes(Int32(10)))
        #expect(stats[2].minValue == Support.bytes(Int64(-7)) && stats[2].maxValue == Support.bytes(Int64(7)))
    }

    @Test("page headers carry per-page statistics; statistics can be turned off")
    func pageStatistics() async throws {
        let values: [Value] = (0..<30).map { $0 % 4 == 0 ? .null : .int(Int64($0)) }
        let batch = Support.batch([(Field("a", .int64), values)])
        let written = try await Support.write([batch], options: ParquetWriteOptions(maxRowsPerPage: 10))
        let pages = try Support.pageHeaders(written, group: 0, column: 0).compactMap(\.dataPageHeader)
        #expect(pages.map { $0.statistics?.minValue } == [1, 10, 21].map { Support.bytes(Int64($0)) })
        #expect(pages.map { $0.statistics?.maxValue } == [9, 19, 29].map { Support.bytes(Int64($0)) })
        #expect(pages.map { $0.statistics?.nullCount } == [3, 2, 3])
        let off = try await Support.write([batch], options: ParquetWriteOptions(statistics: false))
        #expect(off.footer.rowGroups[0].columns[0].metaData!.statistics == nil)
        #expect(try Support.pageHeaders(off, group: 0, column: 0).allSatisfy { $0.dataPageHeader?.statistics == nil })
    }

    @Test("statistics of nested leaves count nulls and empty lists")
    func nested() async throws {
        let type = DataType.list(Field("element", .int32))
        let stats = try await statistics([(Field("l", type), [.list([.int(3), .null]), .null, .list([]), .list([.int(-2)])])])
        #expect(stats[0].minValue == Support.bytes(Int32(-2)) && stats[0].maxValue == Support.bytes(Int32(3)))
        #expect(stats[0].nullCount == 3)
    }
}
