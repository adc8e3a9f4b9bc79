import ArgumentParser
import LagoaColumnar
import LagoaParquet

/// `lagoa parquet stats FILE`: row groups, column chunks, encodings, codecs, sizes, min/max, nulls.
struct ParquetStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print row groups and column chunk statistics of a Parquet file."
    )

    @Argument(help: "The Parquet file.")
    var file: String

    func run() async throws {
        try await CLIErrors.reporting {
            let reader = try await ParquetFileReader(path: file)
            print(ParquetStatsPrinter.render(reader))
        }
    }
}
