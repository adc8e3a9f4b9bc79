import LagoaColumnar
import LagoaCore
public import LagoaEngine
import LagoaIceberg
public import Logging

/// Builds models in dependency order (independent ones in parallel) with write-audit-publish:
/// each model's rows go to a branch `audit_<run>` of its table, its tests run against that branch,
/// and only when every error-severity test passes does `main` move to it. A failing model leaves its
/// published table untouched, and the models that depend on it are skipped.
public struct ModelRunner: Sendable {
    public let project: ModelProject
    public let engine: Engine
    public let logger: Logger
    /// Models of one DAG level built at the same time.
    public var parallelism: Int

    public init(project: ModelProject, engine: Engine, logger: Logger, parallelism: Int = 2) {
        self.project = project
        self.engine = engine
        self.logger = logger
        self.parallelism = parallelism
    }

    /// Runs the selected models (`["customers+"]`; all when empty).
    /// - Parameters:
    ///   - fullRefresh: rebuild incremental models from scratch.
    ///   - runID: names the audit branches (`audit_<runID>`); letters, digits and `_`.
    /// - Throws: ``ModelError`` only for a bad selection; model failures are results.
    public func run(select: [String] = [], fullRefresh: Bool = false, runID: String) async throws(ModelError) -> [ModelResult] {
        let chosen = select.isEmpty ? Set(project.graph.names) : try project.graph.select(select)
        var results: [String: ModelResult] = [:]
        for level in project.graph.levels(only: chosen) {
            await withTaskGroup(of: ModelResult.self) { group in
                var pending = level[...]
                func launch() {
                    guard let name = pending.popFirst(), let model = project.models[name] else { return }
                    let blocked = project.graph.dependencies[name, default: []].first { dep in
                        guard let r = results[dep] else { return false }
                        return r.status != .success
                    }
                    if let blocked {
                        var skipped = ModelResult(model: name, table: model.table, status: .skipped)
                        skipped.message = "skipped: '\(blocked)' did not succeed"
                        group.addTask { skipped }
                        return
                    }
                    group.addTask { await build(model, fullRefresh: fullRefresh, runID: runID) }
                }
                for _ in 0..<max(1, parallelism) { launch() }
                while let result = await group.next() {
                    results[result.model] = result
                    log(result)
                    launch()
                }
            }
        }
        return project.graph.levels(only: chosen).flatMap { $0 }.compactMap { results[$0] }
    }

    /// Runs the selected models' tests on their published tables, and every singular test when
    /// nothing is selected.
    public func test(select: [String] = []) async throws(ModelError) -> [ModelResult] {
        let chosen = select.isEmpty ? Set(project.graph.names) : try project.graph.select(select)
        let tester = ModelTestRunner(project: project, engine: engine)
        var out: [ModelResult] = []
        for name in project.graph.levels(only: chosen).flatMap({ $0 }) {
            guard let model = project.models[name] else { continue }
            var result = ModelResult(model: name, table: model.table, status: .success)
            result.tests = await tester.run(model.config.tests, table: model.table, model: model)
            if result.tests.contains(where: \.blocks) { result.status = .failed }
            out.append(result)
        }
        if select.isEmpty {
            for (name, template) in project.singularTests {
                var result = ModelResult(model: name, table: template.path, status: .success)
                result.tests = [await tester.run(singular: name, template: template)]
                if result.tests.contains(where: \.blocks) { result.status = .failed }
                out.append(result)
            }
        }
        return out
    }

    private func log(_ result: ModelResult) {
        let metadata: Logger.Metadata = [
            "model": "\(result.model)", "table": "\(result.table)", "rows": "\(result.rows)", "seconds": "\(result.seconds)",
            "tests": "\(result.tests.count)", "failed_tests": "\(result.tests.filter { !$0.passed }.count)",
        ]
        switch result.status {
        case .success: logger.info("model published", metadata: metadata)
        case .skipped: logger.warning("model skipped", metadata: metadata.merging(["reason": "\(result.message ?? "")"]) { $1 })
        case .failed, .error: logger.error("model not published", metadata: metadata.merging(["reason": "\(result.message ?? "")"]) { $1 })
        }
    }

    private func build(_ model: Model, fullRefresh: Bool, runID: String) async -> ModelResult {
        let clock = ContinuousClock()
        let started = clock.now
        var result = ModelResult(model: model.name, table: model.table, status: .error)
        do {
            try await ModelBuild(project: project, engine: engine, model: model, runID: runID, fullRefresh: fullRefresh).run(into: &result)
        } catch let error as ModelError {
            result.status = .error
            result.message = error.message
        } catch {
            result.status = .error
            result.message = (error as? any LagoaError)?.rendered ?? "\(error)"
        }
        let elapsed = clock.now - started
        result.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return result
    }
}
