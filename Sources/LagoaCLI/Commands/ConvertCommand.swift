import ArgumentParser
import LagoaColumnar
import LagoaCompression
import LagoaCore
import LagoaCSV
import LagoaJSON
import LagoaParquet

/// `lagoa convert IN OUT`: converts between CSV, JSON lines and Parquet, streaming batch by batch.
struct ConvertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert between .csv, .jsonl and .parquet files.",
        discussion: """
            Formats come from the file extensions (.csv, .jsonl or .ndjson, .parquet). CSV and JSON lines \
            schemas are inferred from the first rows; override a column's type with --type name=type \
            (types: boolean, int8…int64, uint8…uint64, float32, float64, decimal(p,s), date, time, \
            timestamp, timestamptz, string, binary, uuid).
            """
    )

    @Argument(help: "The input file.")
    var input: String

    @Argument(help: "The output file (written atomically: a failed conversion leaves no partial file).")
    var output: String

    @Option(help: "Parquet codec: snappy (default), zstd[:level], gzip[:level], lz4, none.")
    var compression: String = "snappy"

    @Option(name: .customLong("type"), help: "Column type override, e.g. --type price=decimal(12,2). Repeatable.")
    var types: [String] = []

    @Option(help: "CSV field delimiter (one character; 'tab' for a tab).")
    var delimiter: String = ","

    @Flag(inversion: .prefixedNo, help: "Whether the CSV input has a header row.")
    var header: Bool = true

    @Option(name: .customLong("null"), help: "Text that means NULL in CSV input (default: the empty field). Repeatable.")
    var nullStrings: [String] = []

    @Option(help: "Parquet data page version: 1 or 2.")
    var pageVersion: Int = 1

    @Option(help: "Maximum rows per Parquet row group.")
    var rowGroupSize: Int = 1_048_576

    func validate() throws {
        guard CompressionCodec(name: compression) != nil else {
            throw ValidationError("unknown --compression '\(compression)'; use snappy, zstd, gzip, lz4 or none")
        }
        guard pageVersion == 1 || pageVersion == 2 else { throw ValidationError("--page-version must be 1 or 2") }
        guard rowGroupSize > 0 else { throw ValidationError("--row-group-size must be positive") }
        guard delimiter == "tab" || delimiter.count == 1 else {
            throw ValidationError("--delimiter must be one character (or 'tab'), got '\(delimiter)'")
        }
        _ = try typeOverrides()
        _ = try FileFormat(path: input)
        _ = try FileFormat(path: output)
    }

    func typeOverrides() throws -> [String: DataType] {
        var result: [String: DataType] = [:]
        for entry in types {
            guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex else {
                throw ValidationError("--type expects name=type, got '\(entry)'")
            }
            let name = String(entry[..<equals])
            let typeText = String(entry[entry.index(after: equals)...])
            guard let type = DataType(parsing: typeText) else {
                throw ValidationError("unknown type '\(typeText)' in --type \(entry)")
            }
            result[name] = type
        }
        return result
    }

    func run() async throws {
        try await CLIErrors.reporting {
            var source = try await BatchSource.open(input, format: try FileFormat(path: input), options: readOptions())
            let sink = try await BatchSink.open(output, format: try FileFormat(path: output), schema: source.schema, options: writeOptions())
            var rows = 0
            while let batch = try await source.next() {
                try await sink.write(batch)
                rows += batch.rowCount
            }
            try await sink.finish()
            print("wrote \(rows) rows to \(output)")
        }
    }

    private func readOptions() throws -> BatchSource.Options {
        var csv = CSVReadOptions()
        csv.delimiter = delimiter == "tab" ? "\t" : Character(delimiter)
        csv.hasHeader = header
        if !nullStrings.isEmpty { csv.nullStrings = nullStrings }
        let overrides = try typeOverrides()
        csv.columnTypes = overrides
        var json = JSONReadOptions()
        json.columnTypes = overrides
        return BatchSource.Options(csv: csv, json: json, typeOverrides: overrides)
    }

    private func writeOptions() -> ParquetWriteOptions {
        var options = ParquetWriteOptions()
        options.compression = CompressionCodec(name: compression) ?? .snappy
        options.dataPageVersion = pageVersion == 2 ? .v2 : .v1
        options.maxRowsPerRowGroup = rowGroupSize
        return options
    }
}
