import LagoaCore
import LagoaIngest
import Logging
import Synchronization

/// Shows ingest progress: on a terminal one live line with every running table's rows and rows/s,
/// and a line per finished table; otherwise a log line per table every few seconds.
final class IngestProgressReporter: IngestProgress {
    private struct Running {
        var target: String
        var rows: Int64 = 0
        var started: Int64
        var lastLog: Int64
    }

    private let state = Mutex<(tables: [SourceTableName: Running], lastDraw: Int64)>(([:], 0))
    private let logger: Logger
    private let line = ProgressLine.shared

    /// Milliseconds between log lines per table when not on a terminal (`LAGOA_PROGRESS_SECONDS`,
    /// default 5).
    private let logInterval: Int64

    init(logger: Logger) {
        self.logger = logger
        let seconds = ProcessEnvironment.current["LAGOA_PROGRESS_SECONDS"].flatMap(Double.init) ?? 5
        logInterval = Int64(max(0.05, seconds) * 1000)
    }

    func started(_ table: SourceTableName, target: String) {
        let now = WallClock.nowMillis()
        state.withLock { $0.tables[table] = Running(target: target, started: now, lastLog: now) }
    }

    func read(_ table: SourceTableName, rows: Int64) {
        let now = WallClock.nowMillis()
        let (draw, log) = state.withLock { s -> (String?, Running?) in
            guard var running = s.tables[table] else { return (nil, nil) }
            running.rows = rows
            var log: Running?
            if !line.isTerminal && now - running.lastLog >= logInterval {
                running.lastLog = now
                log = running
            }
            s.tables[table] = running
            guard line.isTerminal, now - s.lastDraw >= 150 else { return (nil, log) }
            s.lastDraw = now
            return (Self.status(s.tables, now: now), log)
        }
        if let draw { line.show(draw) }
        if let log {
            logger.info("reading", metadata: ["table": "\(log.target)", "rows": "\(log.rows)", "rows_per_s": "\(Self.rate(log.rows, log.started, now))"])
        }
    }

    func finished(_ outcome: TableOutcome) {
        let now = WallClock.nowMillis()
        let rest = state.withLock { s -> String in
            s.tables[outcome.source] = nil
            return Self.status(s.tables, now: now)
        }
        if line.isTerminal {
            let mark = outcome.status == .success ? "done" : "FAILED"
            let seconds = Double(outcome.endedAt - outcome.startedAt) / 1000
            line.clearing {
                CLIErrors.writeError("\(mark) \(outcome.target): \(Self.grouped(outcome.rows)) rows in \(Self.fixed(seconds)) s (\(Self.grouped(Self.rate(outcome.rows, outcome.startedAt, outcome.endedAt))) rows/s)")
            }
            if rest.isEmpty { line.finish() } else { line.show(rest) }
        }
    }

    private static func status(_ tables: [SourceTableName: Running], now: Int64) -> String {
        tables.values.sorted { $0.target < $1.target }.map { t in
            "\(t.target.split(separator: ".").last ?? "") \(grouped(t.rows)) rows \(grouped(rate(t.rows, t.started, now)))/s"
        }.joined(separator: " | ")
    }

    static func rate(_ rows: Int64, _ from: Int64, _ to: Int64) -> Int64 {
        to > from ? rows * 1000 / (to - from) : 0
    }

    /// `6,001,215`.
    static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (value < 0 ? "-" : "") + out
    }

    static func fixed(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
