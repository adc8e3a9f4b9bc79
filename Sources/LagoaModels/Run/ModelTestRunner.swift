import LagoaColumnar
import LagoaEngine

/// Runs a model's tests against a table (the audit branch before publishing, the published table
/// for `lagoa test`).
struct ModelTestRunner: Sendable {
    let project: ModelProject
    let engine: Engine

    /// Every test of `model` against `table` (`a.b.c@audit_x`).
    func run(_ tests: [ModelTest], table: String, model: Model?) async -> [TestOutcome] {
        var out: [TestOutcome] = []
        for test in tests {
            out.append(await run(test, table: table, model: model))
        }
        return out
    }

    func run(_ test: ModelTest, table: String, model: Model?) async -> TestOutcome {
        var outcome = TestOutcome(name: test.name, severity: test.severity, location: test.location, failures: 0, sample: [])
        do {
            let sql = try test.sql(
                table: table,
                resolve: { (text: String) throws(ModelError) -> String in
                    text.contains("(") ? try project.render("{{ \(text) }}", path: test.location, this: table) : text
                },
                render: { (text: String) throws(ModelError) -> String in try project.render(text, path: test.location, this: table) }
            )
            try await count(sql, into: &outcome)
        } catch let error as ModelError {
            outcome.error = error.message
        } catch {
            outcome.error = "\(error)"
        }
        return outcome
    }

    /// A singular test (`tests/<name>.sql`).
    func run(singular name: String, template: ModelTemplate) async -> TestOutcome {
        var outcome = TestOutcome(name: name, severity: .error, location: template.path, failures: 0, sample: [])
        do {
            try await count(try project.render(template, this: nil, incremental: false), into: &outcome)
        } catch let error as ModelError {
            outcome.error = error.message
        } catch {
            outcome.error = "\(error)"
        }
        return outcome
    }

    private func count(_ sql: String, into outcome: inout TestOutcome) async throws {
        let session = engine.makeSession()
        let counted = try await session.query("SELECT count(*) FROM (\(sql)) AS failing")
        guard let batch = counted.batches.first(where: { $0.rowCount > 0 }), case .int(let n) = batch.columns[0].value(at: 0) else { return }
        outcome.failures = Int(n)
        guard n > 0 else { return }
        let sample = try await session.query("SELECT * FROM (\(sql)) AS failing LIMIT 5")
        var rows = [sample.schema.fields.map(\.name)]
        for b in sample.batches {
            for r in 0..<b.rowCount { rows.append(b.columns.map { $0.value(at: r).description }) }
        }
        outcome.sample = rows
    }
}
