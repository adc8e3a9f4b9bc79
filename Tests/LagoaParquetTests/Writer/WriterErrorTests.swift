import LagoaColumnar
import LagoaCore
import Testing

@testable import LagoaParquet

@Suite("Parquet writer errors")
struct WriterErrorTests {
    typealias Support = WriterTestSupport

    /// The ParquetError `body` throws.
    private func parquetError(_ body: () async throws -> Void) async -> ParquetError? {
        do {
            try await body()
            return nil
        } catch let error as ParquetError {
            return error
        } catch {
            Issue.record("expected a ParquetError, got \(error)")
            return nil
        }
    }

    @Test("a batch whose column types differ is refused, naming the column")
    func typeMismatch() async throws {
        let writer = try ParquetFileWriter(sink: MemorySink(), schema: Schema([Field("a", .int32), Field("b", .string)]))
        let wrong = Support.batch([(Field("a", .int32), [.int(1)]), (Field("b", .int64), [.int(2)])])
        let error = await parquetError { try await writer.write(wrong) }
        #expect(error?.code == .schemaMismatch)
        #expect(error?.message == "column 'b' is int64 in the batch but string in the writer's schema")
        let narrow = Support.batch([(Field("a", .int32), [.int(1)])])
        let count = await parquetError { try await writer.write(narrow) }
        #expect(count?.code == .schemaMismatch)
        #expect(count?.message.contains("1 columns (a)") == true)
        let renamed = Support.batch([(Field("a", .int32), [.int(1)]), (Field("b", .string), [.string("x")])])
        try await writer.write(renamed)
        let listWriter = try ParquetFileWriter(sink: MemorySink(), schema: Schema([Field("l", .list(Field("element", .int32)))]))
        let itemList = Support.batch([(Field("l", .list(Field("item", .int32))), [.list([])])])
        let nested = await parquetError { try await listWriter.write(itemList) }
        #expect(nested?.message.hasSuffix("(the names, nullability or metadata of nested fields differ)") == true)
    }

    @Test("a decimal wider than its precision names the column, row and value")
    func decimalOverflow() async throws {
        let type = DataType.decimal128(precision: 4, scale: 2)
        let flat = Support.batch([(Field("price", type), [.decimal(9_999, scale: 2), .null, .decimal(-10_000, scale: 2)])])
        let error = await parquetError { _ = try await Support.write([flat]) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message == "column 'price' row 2 holds -100.00, which has more than the 4 digits of decimal(4, 2); widen the column's precision")

        let list = DataType.list(Field("element", type))
        let nested = Support.batch([(Field("l", list), [.list([.decimal(1, scale: 2)]), .list([]), .list([.null, .decimal(123_456, scale: 2)])])])
        let options = ParquetWriteOptions(maxRowsPerRowGroup: 2)
        let second = await parquetError { _ = try await Support.write([nested], options: options) }
        #expect(second?.message.hasPrefix("column 'l.list.element' row 2 holds 1234.56") == true)
    }

    @Test("a null in a non-nullable column is refused")
    func nullInRequired() async throws {
        let column = Support.column(.int32, [.int(1), .null])
        let schema = Schema([Field("a", .int32, nullable: false)])
        let batch = RecordBatch(schema: schema, columns: [column])
        let error = await parquetError { _ = try await Support.write([batch]) }
        #expect(error?.code == .schemaMismatch)
        #expect(error?.message.hasPrefix("column 'a' is not nullable but row 1 holds a null") == true)

        let element = DataType.list(Field("element", .int32, nullable: false))
        let nested = RecordBatch(
            schema: Schema([Field("l", element)]),
            columns: [Support.column(element, [.list([.int(1)]), .null, .list([.int(2), .null])])])
        let nestedError = await parquetError { _ = try await Support.write([nested]) }
        #expect(nestedError?.message.hasPrefix("column 'l.list.element' is not nullable but row 2 holds a null") == true)
    }

    @Test("column encodings are checked against the physical type and the schema")
    func badEncodings() async throws {
        let schema = Schema([Field("s", .string), Field("f", .float64), Field("n", WriterSampleData.nestedType)])
        func make(_ encodings: [String: Encoding]) async -> ParquetError? {
            await parquetError { _ = try ParquetFileWriter(sink: MemorySink(), schema: schema, options: ParquetWriteOptions(columnEncodings: encodings)) }
        }
        let wrongType = await make(["s": .byteStreamSplit])
        #expect(wrongType?.code == .invalidArgument)
        #expect(wrongType?.message == "encoding BYTE_STREAM_SPLIT cannot encode column 's' of physical type BYTE_ARRAY; use one of PLAIN, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY")
        let delta = await make(["f": .deltaBinaryPacked])
        #expect(delta?.message.hasPrefix("encoding DELTA_BINARY_PACKED cannot encode column 'f' of physical type DOUBLE") == true)
        let dictionary = await make(["f": .rleDictionary])
        #expect(dictionary?.message.hasSuffix("dictionary encoding is chosen with the `dictionary` option") == true)
        let unknown = await make(["nope": .plain])
        #expect(unknown?.message == "columnEncodings names column 'nope', which the schema does not have (columns: s, f, n)")
        let nestedNone = await make(["n": .byteStreamSplit])
        #expect(nestedNone == nil)
        let nestedBad = await make(["n": .rle])
        #expect(nestedBad?.message.hasPrefix("encoding RLE cannot encode any leaf of column 'n'") == true)
    }

    @Test("bad options, empty structs, and use after close are refused")
    func misuse() async throws {
        let schema = Schema([Field("a", .int32)])
        let pages = await parquetError { _ = try ParquetFileWriter(sink: MemorySink(), schema: schema, options: ParquetWriteOptions(maxRowsPerPage: 0)) }
        #expect(pages?.message == "ParquetWriteOptions.maxRowsPerPage is 0; it must be at least 1")
        let empty = await parquetError { _ = try ParquetFileWriter(sink: MemorySink(), schema: Schema([Field("s", .struct([]))])) }
        #expect(empty?.code == .invalidArgument)
        let writer = try ParquetFileWriter(sink: MemorySink(), schema: schema)
        _ = try await writer.close()
        let write = await parquetError { try await writer.write(Support.batch([(Field("a", .int32), [.int(1)])])) }
        #expect(write?.message == "ParquetFileWriter.write called after close()")
        let close = await parquetError { _ = try await writer.close() }
        #expect(close?.message == "ParquetFileWriter.close called after close()")
    }

    @Test("after a failed write the writer refuses further calls instead of writing an incomplete file")
    func poisoned() async throws {
        let type = DataType.decimal128(precision: 2, scale: 0)
        let schema = Schema([Field("d", type)])
        let writer = try ParquetFileWriter(sink: MemorySink(), schema: schema, options: ParquetWriteOptions(maxRowsPerRowGroup: 1))
        let bad = Support.batch([(Field("d", type), [.decimal(100, scale: 0)])])
        let first = await parquetError { try await writer.write(bad) }
        #expect(first?.message.hasPrefix("column 'd' row 0 holds 100") == true)
        let good = Support.batch([(Field("d", type), [.decimal(1, scale: 0)])])
        let second = await parquetError { try await writer.write(good) }
        #expect(second?.message == "ParquetFileWriter.write called after an earlier call failed; the file is incomplete, start a new writer")
        let mismatch = Support.batch([(Field("d", .int32), [.int(1)])])
        let third = await parquetError { try await writer.write(mismatch) }
        #expect(third?.code == .invalidArgument)
    }
}
