import LagoaModels

/// The tables `lagoa run` and `lagoa test` print: one row per model, then every failing test with
/// its first failing rows.
enum ModelReport {
    static func print(_ results: [ModelResult], testsOnly: Bool = false) {
        var rows: [[String]] = [testsOnly ? ["model", "status", "tests", "failed"] : ["model", "table", "status", "rows", "tests", "seconds"]]
        for r in results {
            let failed = r.tests.filter { !$0.passed }.count
            rows.append(
                testsOnly
                    ? [r.model, r.status.rawValue, "\(r.tests.count)", "\(failed)"]
                    : [r.model, r.table, r.status.rawValue, "\(r.rows)", "\(r.tests.count - failed)/\(r.tests.count)", IngestProgressReporter.fixed(r.seconds)]
            )
        }
        var text = align(rows)
        for r in results {
            if let message = r.message { text += "\n\(r.model): \(message)\n" }
            for t in r.tests where !t.passed {
                text += "\n\(t.severity == .warn ? "warning" : "FAIL") \(t.name) (\(t.location)): "
                if let error = t.error {
                    text += "the test could not run: \(error)\n"
                    continue
                }
                text += "\(t.failures) failing row\(t.failures == 1 ? "" : "s")\(t.failures > 5 ? ", first 5" : "")\n"
                text += align(t.sample).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
            }
        }
        let ok = results.filter { $0.status == .success }.count
        text += "\n\(ok) of \(results.count) \(testsOnly ? "passed" : "published")\n"
        CLIErrors.writeOut(text)
    }

    /// Left-aligned columns, two spaces apart.
    static func align(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        let widths = (0..<first.count).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { row in
            var line = zip(row, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }
}
