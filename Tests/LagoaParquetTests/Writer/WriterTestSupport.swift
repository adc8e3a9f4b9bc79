import LagoaColumnar
import LagoaCore
import LagoaTesting
import Testing

@testable import LagoaParquet

/// Helpers shared by the writer tests: build batches from values, write them to memory, read them
/// back, and fetch the page index of a written file.
enum WriterTestSupport {
    /// A column of `type` holding `values`.
    static func column(_ type: DataType, _ values: [Value]) -> Column {
        let builder = ColumnBuilder(type, capacity: values.count)
        for value in values { builder.append(value) }
        return builder.finish()
    }

    /// A batch of the given fields and their values.
    static func batch(_ columns: [(Field, [Value])], metadata: [String: String] = [:]) -> RecordBatch {
        RecordBatch(
            schema: Schema(columns.map(\.0), metadata: metadata),
            columns: columns.map { column($0.0.type, $0.1) })
    }

    /// A written file: its bytes and the footer `close()` returned.
    struct Written {
        let bytes: [UInt8]
        let footer: FileMetaData
    }

    /// Writes `batches` with `options` into memory.
    static func write(_ batches: [RecordBatch], schema: Schema? = nil, options: ParquetWriteOptions = .init()) async throws -> Written {
        let sink = MemorySink()
        let writer = try ParquetFileWriter(sink: sink, schema: schema ?? batches[0].schema, options: options)
        for batch in batches { try await writer.write(batch) }
        let footer = try await writer.close()
        #expect(sink.isClosed)
        return Written(bytes: sink.bytes, footer: footer)
    }

    /// Opens written bytes with the reader.
    static func reader(_ written: Written) async throws -> ParquetFileReader {
        try await ParquetFileReader(source: InMemorySource(name: "written.parquet", bytes: written.bytes))
    }

    /// Writes `batches`, reads them back and checks that every value survived.
    @discardableResult
    static func roundTrip(
        _ batches: [RecordBatch],
        options: ParquetWriteOptions = .init(),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws -> Written {
        let written = try await write(batches, options: options)
        let read = try await reader(written).readAll()
        let difference = BatchComparison.difference(expected: batches, actual: read)
        #expect(difference == nil, "\(difference ?? "")", sourceLocation: sourceLocation)
        return written
    }

    /// The column index and offset index of chunk `column` of row group `group`.
    static func pageIndex(_ written: Written, group: Int, column: Int) throws -> (ColumnIndex?, OffsetIndex?) {
        let chunk = written.footer.rowGroups[group].columns[column]
        var columnIndex: ColumnIndex? = nil
        var offsetIndex: OffsetIndex? = nil
        if let offset = chunk.columnIndexOffset, let length = chunk.columnIndexLength {
            let bytes = Array(written.bytes[Int(offset)..<Int(offset) + Int(length)])
            columnIndex = try ColumnIndex.decode(bytes, what: "column index")
        }
        if let offset = chunk.offsetIndexOffset, let length = chunk.offsetIndexLength {
            let bytes = Array(written.bytes[Int(offset)..<Int(offset) + Int(length)])
            offsetIndex = try OffsetIndex.decode(bytes, what: "offset index")
        }
        return (columnIndex, offsetIndex)
    }

    /// The headers of every page of a column chunk, in file order.
    static func pageHeaders(_ written: Written, group: Int, column: Int) throws -> [PageHeader] {
        let meta = written.footer.rowGroups[group].columns[column].metaData!
        var position = Int(meta.dictionaryPageOffset ?? meta.dataPageOffset)
        let end = position + Int(meta.totalCompressedSize)
        var headers: [PageHeader] = []
        while position < end {
            let (header, size) = try PageHeader.decode(Array(written.bytes[position..<end]), what: "page header")
            headers.append(header)
            position += size + Int(header.compressedPageSize)
        }
        return headers
    }

    /// A little-endian fixed-width value as statistics bytes.
    static func bytes<T: BitwiseCopyable>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value) { Array($0) }
    }
}
