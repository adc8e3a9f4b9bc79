import ArgumentParser
import LagoaColumnar
import LagoaParquet

/// `lagoa parquet head FILE [-n N]`: the first rows as an aligned table.
struct ParquetHeadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "head",
        abstract: "Print the first rows of a Parquet file."
    )

    @Argument(help: "The Parquet file.")
    var file: String

    @Option(name: .short, help: "Number of rows to show.")
    var n: Int = 10

    @Option(name: .long, parsing: .upToNextOption, help: "Only these top-level columns.")
    var columns: [String] = []

    func validate() throws {
        guard n >= 0 else { throw ValidationError("-n must be zero or more") }
    }

    func run() async throws {
        try await CLIErrors.reporting {
            let reader = try await ParquetFileReader(path: file)
            let options = ParquetReadOptions(columns: columns.isEmpty ? nil : columns, batchSize: max(1, n))
            var batches: [RecordBatch] = []
            var rows = 0
            if n > 0 {
                for try await batch in reader.batches(options) {
                    let take = min(batch.rowCount, n - rows)
                    batches.append(batch.slice(0, take))
                    rows += take
                    if rows >= n { break }
                }
            }
            let schema = batches.first?.schema ?? Schema(reader.schema.arrowSchema.fields.filter { columns.isEmpty || columns.contains($0.name) })
            print(TableFormatter(maxRows: n).format(schema, batches))
        }
    }
}
