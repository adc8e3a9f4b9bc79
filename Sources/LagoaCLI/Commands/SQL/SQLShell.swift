import ArgumentParser
import LagoaCore
import LagoaEngine
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The read-eval-print loop behind `lagoa sql`.
struct SQLShell {
    let session: Session
    var printer: ResultPrinter
    let historyPath: String?
    private let interrupts = InterruptHandler()

    init(session: Session, printer: ResultPrinter, historyPath: String?) {
        self.session = session
        self.printer = printer
        self.historyPath = historyPath
    }

    /// Runs every statement of `script`; stops at the first error (exit code 1).
    func runScript(_ script: String) async throws {
        for statement in Session.splitStatements(script) {
            let results = try await run(statement)
            for result in results { try await printer.print(result) }
        }
    }

    /// Prompts, reads statements until `;`, runs them; meta commands start with `.`.
    mutating func interactive() async throws {
        CLIErrors.writeOut("Lagoa SQL shell \(LagoaCommand.version). Statements end with ';'. .help for help, .quit to exit.\n")
        let cleared = Atomic<Bool>(false)
        var buffer = ""
        while true {
            interrupts.setIdleAction {
                cleared.store(true, ordering: .relaxed)
                CLIErrors.writeOut("^C (input cleared; .quit to exit)\n")
            }
            CLIErrors.writeOut(buffer.isEmpty ? "lagoa> " : "   ...> ")
            guard let line = readLine(strippingNewline: true) else {
                CLIErrors.writeOut("\n")
                return
            }
            if cleared.exchange(false, ordering: .relaxed) { buffer = "" }
            if buffer.isEmpty, line.trimmingCharacters().hasPrefix(".") {
                appendHistory(line)
                if try await meta(line.trimmingCharacters()) == .quit { return }
                continue
            }
            buffer += buffer.isEmpty ? line : "\n" + line
            guard Session.isComplete(buffer) else { continue }
            let text = buffer
            buffer = ""
            appendHistory(text)
            do {
                let results = try await run(text)
                for result in results { try await printer.print(result) }
            } catch let error as any LagoaError {
                CLIErrors.writeError("error: \(error.rendered)")
            }
        }
    }

    private func run(_ sql: String) async throws -> [QueryResult] {
        let session = self.session
        return try await interrupts.whileRunning(onInterrupt: { session.cancel() }) {
            try await session.execute(sql)
        }
    }

    private enum MetaOutcome { case handled, quit }

    private mutating func meta(_ line: String) async throws -> MetaOutcome {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        do {
            switch words[0] {
            case ".quit", ".exit":
                return .quit
            case ".help":
                CLIErrors.writeOut(
                    """
                    .tables              list tables
                    .schema TABLE        columns of a table
                    .timer on|off        show elapsed time
                    .mode FORMAT         table, csv, json or jsonl
                    .read FILE           run a SQL script
                    .quit                exit

                    """
                )
            case ".tables":
                for result in try await run("SHOW TABLES") { try await printer.print(result) }
            case ".schema":
                guard words.count == 2 else { throw CLIUsageError(".schema needs a table name") }
                for result in try await run("DESCRIBE \(words[1])") { try await printer.print(result) }
            case ".timer":
                guard words.count == 2, ["on", "off"].contains(words[1]) else { throw CLIUsageError(".timer on|off") }
                printer.timer = words[1] == "on"
            case ".mode":
                guard words.count == 2, let mode = ResultFormat(rawValue: words[1]), mode != .parquet else {
                    throw CLIUsageError(".mode table|csv|json|jsonl")
                }
                printer.format = mode
            case ".read":
                guard words.count == 2 else { throw CLIUsageError(".read needs a file") }
                let file = try LocalFileSource(path: words[1])
                let bytes = try file.readSync(offset: 0, length: Int(try await file.size()))
                try await runScript(String(decoding: bytes, as: UTF8.self))
            default:
                throw CLIUsageError("unknown command \(words[0]); .help lists the commands")
            }
        } catch let error as any LagoaError {
            CLIErrors.writeError("error: \(error.rendered)")
        }
        return .handled
    }

    private func appendHistory(_ entry: String) {
        guard let historyPath else { return }
        let fd = open(historyPath, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let text = entry + "\n"
        _ = text.withCString { write(fd, $0, strlen($0)) }
    }
}
