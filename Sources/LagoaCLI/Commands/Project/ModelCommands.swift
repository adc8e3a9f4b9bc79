import ArgumentParser
import LagoaEngine
import LagoaIngest
import LagoaModels
import Logging

/// What `lagoa run`, `lagoa test` and `lagoa ls` share: the project, its models and an engine.
struct ModelContext {
    let project: Project
    let models: ModelProject
    let engine: Engine

    static func open(_ options: ProjectOptions, _ lake: LakeOptions) throws -> ModelContext {
        let project = try options.load()
        let models = try ModelProject.load(root: project.root, sources: project.sources)
        let engine = Engine(catalog: try options.lake(lake, for: project).open())
        return ModelContext(project: project, models: models, engine: engine)
    }
}

/// `lagoa run [--select name+]`: build models with write-audit-publish.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Build the project's SQL models in dependency order; publish each only when its tests pass.",
        discussion: """
            Each model is written to a branch of its table, tested there, and published (main moves to the \
            branch) only when every error-severity test passes; a failing model leaves the published table \
            untouched and its dependants are skipped. Selection: 'name', 'name+' (and everything after it), \
            '+name' (and everything before it). Exit code 1 when a model failed.
            """
    )

    @Option(name: .long, parsing: .upToNextOption, help: "Models to run: name, name+, +name, +name+ (default: all).") var select: [String] = []
    @Flag(help: "Rebuild incremental models from scratch.") var fullRefresh = false
    @Option(help: "Models built at the same time within a level of the DAG.") var parallelism: Int = 2
    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var lake: LakeOptions

    func run() async throws {
        CLILogging.bootstrap()
        try await CLIErrors.reporting {
            let context = try ModelContext.open(projectOptions, lake)
            let runner = ModelRunner(project: context.models, engine: context.engine, logger: Logger(label: "lagoa.run"), parallelism: parallelism)
            let runID = IngestCommand.newRunID().map { $0.isLetter || $0.isNumber ? $0 : "_" }.map(String.init).joined().lowercased()
            let results = try await runner.run(select: select, fullRefresh: fullRefresh, runID: runID)
            ModelReport.print(results)
            if results.contains(where: { $0.status != .success }) { throw ExitCode(1) }
        }
    }
}

/// `lagoa test [--select …]`: run model tests on the published tables.
struct TestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the models' tests (and tests/*.sql) against the published tables."
    )

    @Option(name: .long, parsing: .upToNextOption, help: "Models whose tests to run (default: all, plus tests/*.sql).") var select: [String] = []
    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var lake: LakeOptions

    func run() async throws {
        CLILogging.bootstrap()
        try await CLIErrors.reporting {
            let context = try ModelContext.open(projectOptions, lake)
            let runner = ModelRunner(project: context.models, engine: context.engine, logger: Logger(label: "lagoa.test"))
            let results = try await runner.test(select: select)
            ModelReport.print(results, testsOnly: true)
            if results.contains(where: { $0.status != .success }) { throw ExitCode(1) }
        }
    }
}

/// `lagoa ls`: the models as a DAG, level by level.
struct ListModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ls", abstract: "List the models level by level with their dependencies.")

    @Option(name: .long, parsing: .upToNextOption, help: "Models to list: name, name+, +name.") var select: [String] = []
    @OptionGroup var projectOptions: ProjectOptions

    func run() async throws {
        try await CLIErrors.reporting {
            let project = try projectOptions.load()
            let models = try ModelProject.load(root: project.root, sources: project.sources)
            let chosen = select.isEmpty ? nil : try models.graph.select(select)
            var rows: [[String]] = [["level", "model", "table", "materialized", "tests", "depends on"]]
            for (level, names) in models.graph.levels(only: chosen).enumerated() {
                for name in names {
                    guard let model = models.models[name] else { continue }
                    let sources = model.template.sources.map { "source(\($0.source).\($0.table))" }
                    rows.append([
                        "\(level)", name, model.table, model.config.materialized.rawValue, "\(model.config.tests.count)",
                        (models.graph.dependencies[name, default: []] + sources).joined(separator: ", "),
                    ])
                }
            }
            CLIErrors.writeOut(ModelReport.align(rows))
        }
    }
}
