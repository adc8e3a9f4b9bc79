import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import LagoaCore
import LagoaCornLake
import LagoaEngine
import LagoaIceberg
import LagoaIngest
import LagoaModels
import Logging

/// `lagoa demo`: CornLake end to end: operational databases, two days of ingestion into SOR,
/// SOT and SPEC models with their tests, and a summary.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build the CornLake demo: generate its operational databases, ingest two days, run the models.",
        discussion: """
            Creates a project folder (default ./lagoa-demo) with CornLake's sources, models, domains and \
            contracts and SQLite databases in data/; ingests execution dates 2026-11-19 and 2026-11-20 \
            with changes in between; builds the SOT and SPEC tables (write-audit-publish) and prints a \
            summary. Then 'cd lagoa-demo && lagoa sql' queries everything.
            """
    )

    @Option(help: "The project folder to create.") var dir: String = "./lagoa-demo"
    @Option(help: "Data size: 1 is about one million rows in all.") var scale: Double = 1
    @Option(help: "Seed of the generator (the same seed gives the same data).") var seed: UInt64 = 2026
    @Option(help: "Put the operational databases in PostgreSQL (a schema per domain) instead of SQLite files: postgresql://user[:password]@host:port/db.")
    var source: String?
    @Flag(help: "Replace the folder even if it is not a previous demo.") var force = false

    /// The environment variable the PostgreSQL sources read their password from.
    static let passwordVariable = "CORNLAKE_PG_PASSWORD"

    static let dates = ["2026-11-19", "2026-11-20"]

    func run() async throws {
        CLILogging.bootstrap()
        // The demo prints its own summary lines; per-table and per-model logs only when something is wrong.
        var logger = Logger(label: "lagoa.demo")
        logger.logLevel = .warning
        try await CLIErrors.reporting {
            let clock = ContinuousClock()
            let started = clock.now
            let root = ProcessEnvironment.absolutePath(dir)
            try prepareFolder(root)
            let sink: any DemoSink
            let kind: CornLakeProject.Source
            if let source {
                let (url, password) = Self.splitPassword(source)
                let secret = password ?? ProcessEnvironment.current["PGPASSWORD"] ?? ""
                setenv(Self.passwordVariable, secret, 1)
                sink = try PostgresDemoSink(url: url, password: secret.isEmpty ? nil : secret, displayName: url)
                kind = .postgresql(url: url, passwordEnv: Self.passwordVariable)
            } else {
                sink = try SQLiteDemoSink(folder: root + "/data")
                kind = .sqlite(folder: "data")
            }
            for (path, contents) in CornLakeProject.files(source: kind) {
                let full = root + "/" + path
                try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(contents.utf8).write(to: URL(fileURLWithPath: full))
            }
            say("CornLake demo in \(root) (scale \(scale), seed \(seed))")

            let generator = CornLakeGenerator(scale: scale, seed: seed)
            let initial = try generator.writeInitial(to: sink)
            let place = source == nil ? "data/sales.db, agronomy.db, logistics.db, finance.db" : "PostgreSQL schemas sales, agronomy, logistics, finance"
            say("1. operational databases: \(initial.values.reduce(0, +)) rows in \(initial.count) tables (\(place))")

            let project = try Project.load(root: root)
            let catalog = try ProjectOptions.parse([]).lake(try LakeOptions.parse([]), for: project).open()
            try await ingest(project, catalog: catalog, date: Self.dates[0], step: "2", logger: logger)
            let changes = try generator.writeChanges(to: sink)
            say("3. a day of business: \(changes.values.reduce(0, +)) new rows and late updates (order statuses, customer edits)")
            try await ingest(project, catalog: catalog, date: Self.dates[1], step: "4", logger: logger)

            let engine = Engine(catalog: catalog)
            let models = try ModelProject.load(root: root, sources: project.sources)
            let runID = "demo" + IngestCommand.newRunID().filter { $0.isLetter || $0.isNumber }.lowercased()
            let results = try await ModelRunner(project: models, engine: engine, logger: logger).run(runID: runID)
            let published = results.filter { $0.status == .success }.count
            let tests = results.flatMap(\.tests)
            say("5. models: \(published) of \(results.count) published, \(tests.filter(\.passed).count) of \(tests.count) tests passed (\(tests.filter { !$0.passed && $0.severity == .warn }.count) warnings)")
            if published != results.count {
                ModelReport.print(results)
                throw ExitCode(1)
            }
            try await DemoSummary(engine: engine, catalog: catalog).print()
            if source != nil {
                say("\nthe sources read their password from $\(Self.passwordVariable); export it before running 'lagoa ingest' in the project")
            }
            let elapsed = clock.now - started
            say("\ndone in \(elapsed.components.seconds) s. Next:\n  cd \(dir) && lagoa sql\n  lagoa query \"SELECT * FROM sales.spec.revenue_by_crop_month ORDER BY month DESC, revenue DESC LIMIT 10\"\n  lagoa runs; lagoa ls; lagoa test")
        }
    }

    private func say(_ text: String) { CLIErrors.writeOut(text + "\n") }

    /// `postgresql://u:secret@h/db` → (`postgresql://u@h/db`, `secret`).
    static func splitPassword(_ url: String) -> (String, String?) {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@") else { return (url, nil) }
        let user = url[scheme.upperBound..<at]
        guard let colon = user.firstIndex(of: ":") else { return (url, nil) }
        let password = String(user[user.index(after: colon)...]).removingPercentEncoding
        return (String(url[..<colon]) + String(url[at...]), password)
    }

    private func prepareFolder(_ root: String) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: root) else { return }
        let isDemo = (try? String(contentsOfFile: root + "/lagoa.yaml", encoding: .utf8))?.contains("name: cornlake") == true
        let empty = ((try? manager.contentsOfDirectory(atPath: root)) ?? []).isEmpty
        guard isDemo || empty || force else {
            throw ValidationError("\(root) exists and is not a previous demo; choose another --dir or pass --force to replace it")
        }
        try manager.removeItem(atPath: root)
    }

    private func ingest(_ project: Project, catalog: Catalog, date: String, step: String, logger: Logger) async throws {
        var rows: Int64 = 0, tables = 0, failed = 0
        let clock = ContinuousClock()
        let started = clock.now
        for config in project.sources {
            let source = try SourceFactory.make(config, project: project)
            let plan = IngestPlan(
                sourceName: config.name, source: source, domain: config.domain,
                tables: try config.plan(available: try source.listTables(schema: nil)), date: try ExecutionDate(parsing: date),
                runID: IngestCommand.newRunID(), parallelism: config.parallelism
            )
            let report = await IngestRunner(catalog: catalog, logger: logger, progress: IngestProgressReporter(logger: logger)).run(plan)
            ProgressLine.shared.finish()
            rows += report.totalRows
            tables += report.tables.count
            failed += report.failedCount
            if report.failedCount > 0 { IngestSummary.print(report) }
        }
        let seconds = Double((clock.now - started).components.attoseconds) / 1e18 + Double((clock.now - started).components.seconds)
        say("\(step). ingest \(date): \(tables) SOR tables, \(IngestProgressReporter.grouped(rows)) rows in \(IngestProgressReporter.fixed(seconds)) s")
        if failed > 0 { throw ExitCode(1) }
    }
}
