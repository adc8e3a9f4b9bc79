import ArgumentParser
import Foundation
import LagoaCore
import LagoaIceberg
import LagoaIngest
import Logging

/// `lagoa ingest [SOURCE | URL] …`: extract tables into the raw layer, one partition per execution date.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Extract source tables into <domain>.sor.<table>, replacing the execution date's partition.",
        discussion: """
            Inside a project: 'lagoa ingest' runs every source of sources/*.yaml, 'lagoa ingest crm' one. \
            One-off, for scripts: 'lagoa ingest postgresql://user@host:5432/db --domain sales [--schema public] \
            [--tables a,b] [--mode incremental --cursor updated_at]' (password from PGPASSWORD), \
            'lagoa ingest sqlite:app.db --domain sales', or a folder of CSV/JSON/Parquet files. Re-running a \
            date replaces that date's rows; a failed table commits nothing and the others go on. The exit \
            code is 1 when any table failed.
            """
    )

    @Argument(help: "A source name of the project, or a URL: postgresql://user@host:port/db, sqlite:PATH, or a folder.")
    var source: String?
    @Option(help: "The domain owning the tables (one-off form): they land in <domain>.sor.<table>.") var domain: String?
    @Option(help: "PostgreSQL schema to read (one-off form; default public).") var schema: String?
    @Option(help: "Only these tables, comma-separated.") var tables: String?
    @Option(help: "full (default) or incremental (one-off form).") var mode: String?
    @Option(help: "The incremental cursor column, e.g. updated_at or id (one-off form).") var cursor: String?
    @Option(help: "Re-read this far behind the last cursor value: 1000, '2 days', '6 hours' (one-off form).") var lookback: String?
    @Option(help: "The execution date, YYYY-MM-DD (default: today in the source's time zone).") var date: String?
    @Option(help: "Tables read at the same time (default: the source's parallelism, else 2).") var parallelism: Int?
    @Option(help: "Rows per batch read from the source.") var batchRows: Int?
    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var lake: LakeOptions

    func run() async throws {
        CLILogging.bootstrap()
        let logger = Logger(label: "lagoa.ingest")
        try await CLIErrors.reporting {
            var failed = 0
            if let source, Self.isURL(source) {
                failed = try await oneOff(url: source, logger: logger)
            } else {
                failed = try await inProject(logger: logger)
            }
            if failed > 0 { throw ExitCode(1) }
        }
    }

    static func isURL(_ text: String) -> Bool {
        text.contains("://") || text.hasPrefix("sqlite:") || text.contains("/") || text.hasSuffix(".db")
    }

    private func oneOff(url: String, logger: Logger) async throws -> Int {
        guard let domain else { throw ValidationError("name the domain owning these tables: --domain sales (they land in sales.sor.<table>)") }
        guard SourceConfig.isName(domain) else { throw ValidationError("--domain '\(domain)' must be lower-case letters, digits and _ (it names the namespace \(domain).sor)") }
        let tableMode: IngestMode
        switch mode ?? (cursor == nil ? "full" : "incremental") {
        case "full":
            guard cursor == nil && lookback == nil else { throw ValidationError("--cursor and --lookback apply to --mode incremental") }
            tableMode = .full
        case "incremental":
            guard let cursor else { throw ValidationError("--mode incremental needs --cursor COLUMN (e.g. updated_at or id)") }
            tableMode = .incremental(cursor: cursor, lookback: try lookback.map { text throws(IngestError) in try Lookback(parsing: text) })
        case let other:
            throw ValidationError("--mode '\(other)' is not one of full, incremental")
        }
        let ingestSource = try SourceFactory.make(url: url)
        let catalog = try lake.open()
        let available = try ingestSource.listTables(schema: schema ?? (url.contains("://") ? "public" : nil))
        var plans = available.map { TablePlan(source: $0, mode: tableMode) }
        if let only = tables.map(Self.names) {
            for name in only where !available.contains(where: { $0.name == name }) {
                throw IngestError(
                    .notFound,
                    "\(ingestSource.displayName) has no table '\(name)'\(Suggestions.didYouMean(name, among: available.map(\.name))) (tables: \(available.map(\.name).joined(separator: ", ")))"
                )
            }
            plans = plans.filter { only.contains($0.source.name) }
        }
        let executionDate = try date.map { text throws(IngestError) in try ExecutionDate(parsing: text) } ?? ExecutionDate.today(in: nil)
        let logFolder = lake.localWarehouseFolder.map { $0 + "/logs/ingest" }
        return try await execute(
            name: LakeOptions.redacted(url), source: ingestSource, domain: domain, plans: plans, date: executionDate,
            parallelism: parallelism ?? 2, batchRows: batchRows ?? 65_536, catalog: catalog, logFolder: logFolder, logger: logger
        )
    }

    private func inProject(logger: Logger) async throws -> Int {
        let project = try projectOptions.load()
        let catalog = try projectOptions.lake(lake, for: project).open()
        let chosen = try source.map { [try project.source(named: $0)] } ?? project.sources
        guard !chosen.isEmpty else { throw ValidationError("the project has no sources; add a file to \(project.root)/sources (see 'lagoa init')") }
        var failed = 0
        for config in chosen {
            let ingestSource = try SourceFactory.make(config, project: project)
            let available = try ingestSource.listTables(schema: config.schema ?? (config.kind == .postgresql ? "public" : nil))
            let plans = try config.plan(available: available, only: tables.map(Self.names))
            let executionDate = try date.map { try ExecutionDate(parsing: $0) } ?? ExecutionDate.today(in: config.timezone ?? project.config.timezone)
            failed += try await execute(
                name: config.name, source: ingestSource, domain: config.domain, plans: plans, date: executionDate,
                parallelism: parallelism ?? config.parallelism, batchRows: batchRows ?? config.batchRows, catalog: catalog,
                logFolder: project.root + "/logs/ingest", logger: logger
            )
        }
        return failed
    }

    private static func names(_ list: String) -> [String] {
        list.split(separator: ",").map { String($0).filter { $0 != " " } }.filter { !$0.isEmpty }
    }

    /// Runs one source's plan, prints the outcome table and returns the number of failed tables.
    private func execute(
        name: String, source: any IngestSource, domain: String, plans: [TablePlan], date: ExecutionDate,
        parallelism: Int, batchRows: Int, catalog: Catalog, logFolder: String?, logger: Logger
    ) async throws -> Int {
        guard !plans.isEmpty else {
            logger.warning("no tables to ingest", metadata: ["source": "\(source.displayName)"])
            return 0
        }
        let runID = Self.newRunID()
        if let logFolder {
            try CLILogging.openFile(logFolder + "/\(runID).log")
        }
        defer { CLILogging.closeFile() }
        let plan = IngestPlan(
            sourceName: name, source: source, domain: domain, tables: plans, date: date, runID: runID,
            parallelism: parallelism, batchRows: batchRows
        )
        let runner = IngestRunner(catalog: catalog, logger: logger, progress: IngestProgressReporter(logger: logger))
        let report = await runner.run(plan)
        ProgressLine.shared.finish()
        IngestSummary.print(report)
        if let logFolder { CLIErrors.writeError("log: \(logFolder)/\(runID).log") }
        return report.failedCount
    }

    /// `20261120T030000Z-4f2a`: sortable, unique enough for one catalog.
    static func newRunID() -> String {
        let millis = WallClock.nowMillis()
        let date = Date(timeIntervalSince1970: Double(millis) / 1000)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date) + "-" + String(UInt16.random(in: 0...UInt16.max), radix: 16)
    }
}
