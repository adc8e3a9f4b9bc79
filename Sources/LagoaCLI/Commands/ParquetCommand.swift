import ArgumentParser

/// `lagoa parquet …`: inspect Parquet files.
struct ParquetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parquet",
        abstract: "Inspect Parquet files: schema, first rows, statistics.",
        subcommands: [ParquetSchemaCommand.self, ParquetHeadCommand.self, ParquetStatsCommand.self]
    )
}
