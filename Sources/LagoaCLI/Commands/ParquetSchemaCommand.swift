import ArgumentParser
import LagoaColumnar
import LagoaParquet

/// `lagoa parquet schema FILE`: the Parquet schema tree and the Arrow schema Lagoa reads it as.
struct ParquetSchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the schema of a Parquet file."
    )

    @Argument(help: "The Parquet file.")
    var file: String

    func run() async throws {
        try await CLIErrors.reporting {
            let reader = try await ParquetFileReader(path: file)
            print(ParquetSchemaPrinter.render(reader.schema))
            print("")
            print("rows: \(reader.rowCount), row groups: \(reader.metadata.rowGroups.count)")
            if let createdBy = reader.metadata.createdBy { print("created by: \(createdBy)") }
        }
    }
}
