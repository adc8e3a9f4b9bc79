import ArgumentParser
import LagoaEngine
import LagoaIngest

/// `lagoa runs [RUN_ID]`: the ingest run history kept in the catalog.
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List ingest runs (newest first), or the tables of one run.",
        discussion: "The history is the table \(RunHistory.table); query it with SQL for more."
    )

    @Argument(help: "A run id: show each of its tables with rows, bytes and errors.") var runID: String?
    @Option(help: "How many runs to list.") var limit: Int = 20
    @Option(help: "Output format: table, csv, json or jsonl.") var format: ResultFormat = .table
    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var lake: LakeOptions

    func run() async throws {
        try await CLIErrors.reporting {
            var options = lake
            if let project = try projectOptions.find() { options = try projectOptions.lake(lake, for: project) }
            let engine = Engine(catalog: try options.open())
            let sql: String
            if let runID {
                let quoted = "'" + runID.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
                sql = """
                    SELECT target_table, status, mode, rows, bytes, round(date_diff('millisecond', started_at, ended_at) / 1000.0, 1) AS seconds,
                           snapshot_id, cursor_from, cursor_to, coalesce(error, warnings) AS detail
                    FROM \(RunHistory.table) WHERE run_id = \(quoted) ORDER BY target_table
                    """
            } else {
                sql = """
                    SELECT run_id, source, ingestion_date, min(started_at) AS started_at, count(*) AS tables,
                           count(*) FILTER (WHERE status = 'failed') AS failed, sum(rows) AS rows, sum(bytes) AS bytes,
                           round(date_diff('millisecond', min(started_at), max(ended_at)) / 1000.0, 1) AS seconds
                    FROM \(RunHistory.table) GROUP BY run_id, source, ingestion_date ORDER BY started_at DESC LIMIT \(max(1, limit))
                    """
            }
            let result: QueryResult
            do {
                result = try await engine.makeSession().query(sql)
            } catch let error as EngineError where error.message.contains("does not exist") || error.message.contains("not found") {
                CLIErrors.writeOut("no ingest runs yet; run 'lagoa ingest' first\n")
                return
            }
            try await ResultPrinter(format: format, output: nil, maxRows: .max).print(result)
        }
    }
}
