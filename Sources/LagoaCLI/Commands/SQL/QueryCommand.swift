import ArgumentParser
import LagoaEngine

/// `lagoa query "SQL" [--format table|csv|json|jsonl|parquet] [--output FILE]`.
struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run SQL statements and print the last one's rows.",
        discussion: """
            Tables are Iceberg tables of the catalog (namespace.table, or domain.layer.table); files are \
            queried by path: SELECT * FROM 'data/*.parquet', read_csv('x.csv'). --format csv writes a \
            header row, NULL as an empty field, exact decimals, shortest round-trip floats and ISO-8601 \
            dates and timestamps.
            """
    )
    @OptionGroup var lake: LakeOptions
    @OptionGroup var engineOptions: EngineOptionGroup
    @Argument(help: "SQL; several statements may be separated by ';'.") var sql: String
    @Option(help: "Output format: table, csv, json, jsonl or parquet.") var format: ResultFormat = .table
    @Option(help: "Write the result to this file instead of standard output.") var output: String?

    func validate() throws {
        if format == .parquet && output == nil { throw ValidationError("--format parquet needs --output FILE") }
    }

    func run() async throws {
        try await CLIErrors.reporting {
            let engine = try engineOptions.makeEngine(lake)
            let session = engine.makeSession()
            let interrupts = InterruptHandler()
            let results = try await interrupts.whileRunning(onInterrupt: { session.cancel() }) {
                try await session.execute(sql)
            }
            let printer = ResultPrinter(format: format, output: output, maxRows: format == .table ? 10_000 : .max)
            if format == .table {
                for result in results { try await printer.print(result) }
            } else if let last = results.last(where: \.returnsRows) {
                try await printer.print(last)
            }
        }
    }
}
