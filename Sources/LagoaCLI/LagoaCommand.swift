public import ArgumentParser
import LagoaEngine

/// The `lagoa` command: the root of every subcommand.
public struct LagoaCommand: AsyncParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "lagoa",
        abstract: "Lagoa: a data lakehouse and data-mesh platform in one binary.",
        version: version,
        subcommands: [
            ParquetCommand.self, ConvertCommand.self, NamespaceCommand.self, TableCommand.self, QueryCommand.self, SQLShellCommand.self,
            DemoCommand.self, InitCommand.self, ValidateCommand.self, IngestCommand.self, RunsCommand.self, RunCommand.self, TestCommand.self, ListModelsCommand.self,
        ]
    )

    public init() {}

    /// Parses the process arguments and runs the chosen subcommand (the executable's entry point).
    public static func start() async {
        _ = AllocatorTuning.applied
        await main()
    }
}
