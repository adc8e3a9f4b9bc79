import ArgumentParser
import LagoaCore
import LagoaEngine
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// `lagoa sql`: an interactive SQL shell on a terminal; a script runner when stdin is not one.
struct SQLShellCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Interactive SQL shell (statements end with ';'); runs a script read from stdin when it is not a terminal.",
        discussion: """
            Meta commands: .tables, .schema TABLE, .timer on|off, .mode table|csv|json|jsonl, .read FILE, \
            .help, .quit. History is kept in ~/.lagoa_history (or --history). Ctrl-C cancels the running \
            query; at the prompt it clears the pending input. A script stops at the first failing \
            statement with exit code 1.
            """
    )
    @OptionGroup var lake: LakeOptions
    @OptionGroup var engineOptions: EngineOptionGroup
    @Option(help: "Output format: table, csv, json or jsonl.") var format: ResultFormat = .table
    @Option(help: "History file (default: ~/.lagoa_history).") var history: String?

    func validate() throws {
        if format == .parquet { throw ValidationError("lagoa sql prints to the terminal; use lagoa query --format parquet --output FILE") }
    }

    func run() async throws {
        try await CLIErrors.reporting {
            let engine = try engineOptions.makeEngine(lake)
            var shell = SQLShell(
                session: engine.makeSession(),
                printer: ResultPrinter(format: format, output: nil, timer: isatty(0) == 1),
                historyPath: history ?? ProcessEnvironment.current["HOME"].map { $0 + "/.lagoa_history" }
            )
            if isatty(0) == 1 {
                try await shell.interactive()
            } else {
                var script: [UInt8] = []
                while let line = readLine(strippingNewline: false) { script.append(contentsOf: line.utf8) }
                try await shell.runScript(String(decoding: script, as: UTF8.self))
            }
        }
    }
}
