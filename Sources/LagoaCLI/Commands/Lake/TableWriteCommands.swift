import ArgumentParser
import LagoaIceberg

/// `lagoa table append NAME FILE…`.
struct TableAppendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "append", abstract: "Append the rows of files in one snapshot.")
    @OptionGroup var lake: LakeOptions
    @Argument(help: "The table.") var name: String
    @Argument(help: "Input .parquet, .csv or .jsonl files.") var files: [String]
    @Option(help: "Commit to this branch instead of main.") var branch: String = "main"
    @Option(name: .customLong("type"), help: "Column type override for CSV/JSON inference, name=type. Repeatable.") var types: [String] = []

    func run() async throws {
        try await CLIErrors.reporting {
            let catalog = try lake.open()
            let table = try await catalog.loadTable(try TableIdentifier(parsing: name))
            let done = try await table.append(InputFiles(files, typeOverrides: try TypeOverrides.parse(types)), branch: branch)
            TableDescription.printCommit(done, before: table)
        }
    }
}

/// `lagoa table overwrite NAME FILE… [--partition k=v …] [--where FILTER]`.
struct TableOverwriteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overwrite",
        abstract: "Replace partitions (or the rows matching a filter) with the rows of files, in one snapshot.",
        discussion: "With --partition, every file of that partition is replaced: re-running the same load is idempotent."
    )
    @OptionGroup var lake: LakeOptions
    @Argument(help: "The table.") var name: String
    @Argument(help: "Input .parquet, .csv or .jsonl files.") var files: [String]
    @Option(help: "An identity partition value to replace, column=value. Repeatable.") var partition: [String] = []
    @Option(name: .customLong("where"), help: "Replace the rows matching this filter instead.") var filter: String?
    @Option(help: "Commit to this branch instead of main.") var branch: String = "main"
    @Option(name: .customLong("type"), help: "Column type override for CSV/JSON inference, name=type. Repeatable.") var types: [String] = []

    func validate() throws {
        guard partition.isEmpty != (filter == nil) else {
            throw ValidationError("give either --partition column=value or --where FILTER")
        }
    }

    func run() async throws {
        try await CLIErrors.reporting {
            let catalog = try lake.open()
            let table = try await catalog.loadTable(try TableIdentifier(parsing: name))
            let input = InputFiles(files, typeOverrides: try TypeOverrides.parse(types))
            let done: Table
            if let filter {
                done = try await table.overwrite(input, filter: try IcebergExpression(parsing: filter), branch: branch)
            } else {
                done = try await table.overwrite(input, partition: try KeyValues.parse(partition, option: "--partition"), branch: branch)
            }
            TableDescription.printCommit(done, before: table)
        }
    }
}

/// `lagoa table delete NAME --where FILTER`.
struct TableDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete the rows matching a filter (copy-on-write).")
    @OptionGroup var lake: LakeOptions
    @Argument(help: "The table.") var name: String
    @Option(name: .customLong("where"), help: "The rows to delete, e.g. \"day < '2026-01-01'\".") var filter: String
    @Option(help: "Commit to this branch instead of main.") var branch: String = "main"

    func run() async throws {
        try await CLIErrors.reporting {
            let catalog = try lake.open()
            let table = try await catalog.loadTable(try TableIdentifier(parsing: name))
            let done = try await table.delete(filter: try IcebergExpression(parsing: filter), branch: branch)
            TableDescription.printCommit(done, before: table)
        }
    }
}
