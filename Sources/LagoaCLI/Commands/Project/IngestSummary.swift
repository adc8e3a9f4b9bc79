import LagoaCore
import LagoaIngest

/// The table printed at the end of `lagoa ingest`: one row per table with its outcome.
enum IngestSummary {
    static func print(_ report: IngestReport) {
        var rows: [[String]] = [["table", "status", "rows", "rows/s", "MB", "seconds", "detail"]]
        for t in report.tables {
            let detail = t.error.map { $0.message.split(separator: "\n").first.map(String.init) ?? "" } ?? t.warnings.first ?? t.cursorFrom.map { "cursor \($0)" } ?? ""
            rows.append([
                t.target, t.status.rawValue, IngestProgressReporter.grouped(t.rows),
                IngestProgressReporter.grouped(IngestProgressReporter.rate(t.rows, t.startedAt, t.endedAt)),
                IngestProgressReporter.fixed(Double(t.bytes) / 1_000_000), IngestProgressReporter.fixed(Double(t.endedAt - t.startedAt) / 1000), detail,
            ])
        }
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        var text = "run \(report.runID), source \(report.sourceName), date \(report.date): \(report.tables.count - report.failedCount) of \(report.tables.count) tables ingested, \(IngestProgressReporter.grouped(report.totalRows)) rows\n"
        for row in rows {
            text += zip(row, widths).enumerated().map { i, cell in
                i == 2 || i == 3 || i == 4 || i == 5 ? String(repeating: " ", count: cell.1 - cell.0.count) + cell.0 : cell.0 + String(repeating: " ", count: cell.1 - cell.0.count)
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        CLIErrors.writeOut(text)
        for t in report.tables {
            if let error = t.error { CLIErrors.writeError("error in \(t.target): \(error.rendered)") }
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var out = self
        while out.last == " " { out.removeLast() }
        return out
    }
}
