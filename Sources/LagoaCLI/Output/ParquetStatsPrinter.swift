import LagoaCore
import LagoaColumnar
import LagoaParquet

/// Renders the row groups and column chunks of a Parquet file as aligned tables.
enum ParquetStatsPrinter {
    static func render(_ reader: ParquetFileReader) -> String {
        var out: [String] = []
        out.append("file: \(reader.source.name) (\(reader.fileSize) bytes)")
        out.append("rows: \(reader.rowCount), row groups: \(reader.metadata.rowGroups.count), columns: \(reader.schema.columns.count)")
        if let createdBy = reader.metadata.createdBy { out.append("created by: \(createdBy)") }
        let kv = reader.keyValueMetadata.filter { $0.key != "ARROW:schema" }
        for key in kv.keys.sorted() {
            let value = kv[key]!
            out.append("metadata \(key): \(value.count > 60 ? String(value.prefix(59)) + "…" : value)")
        }
        let schema = Schema([
            Field("row_group", .int64), Field("column", .string), Field("type", .string), Field("codec", .string),
            Field("encodings", .string), Field("values", .int64), Field("nulls", .int64),
            Field("compressed", .int64), Field("uncompressed", .int64), Field("min", .string), Field("max", .string),
            Field("page_index", .string),
        ])
        let builders = schema.fields.map { ColumnBuilder($0.type) }
        for s in reader.columnChunkSummaries() {
            builders[0].append(.int(Int64(s.rowGroup)))
            builders[1].append(.string(s.path))
            builders[2].append(.string(s.physicalType.description))
            builders[3].append(.string(s.codec.description))
            builders[4].append(.string(s.encodings.map(\.description).joined(separator: ",")))
            builders[5].append(.int(s.valueCount))
            builders[6].append(s.nullCount.map { .int($0) } ?? .null)
            builders[7].append(.int(s.compressedSize))
            builders[8].append(.int(s.uncompressedSize))
            builders[9].append(s.min.map { .string($0.description) } ?? .null)
            builders[10].append(s.max.map { .string($0.description) } ?? .null)
            builders[11].append(.string(s.hasColumnIndex && s.hasOffsetIndex ? "yes" : (s.hasOffsetIndex ? "offsets" : "no")))
        }
        let batch = RecordBatch(schema: schema, columns: builders.map { $0.finish() })
        out.append(TableFormatter(maxRows: Int.max, maxCellWidth: 30, showTypes: false).format(schema, [batch]))
        return out.joined(separator: "\n")
    }
}
