import Foundation
import LagoaColumnar
import LagoaParquet
import LagoaTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Environment and shared state of the interoperability tests.
///
/// The tests run only with `LAGOA_INTEGRATION=1` (set by `make test`); they need the Python peers
/// from `.venv/` (`make venv`), found through `LAGOA_PYTHON` or, failing that, `<repo>/.venv/bin/python`.
enum Interop {
    /// Whether the interop tests run (`LAGOA_INTEGRATION=1`).
    static let isEnabled = TestPaths.environment("LAGOA_INTEGRATION") == "1"

    /// The skip reason a bare `swift test` shows.
    static let disabledReason: Comment =
        "interop tests against pyarrow and DuckDB run only with LAGOA_INTEGRATION=1 (make test sets it)"

    static let repositoryRoot = TestPaths.repositoryRoot()

    /// `scripts/interop/peers.py`, the pyarrow/DuckDB side of the tests.
    static let peersScript = repositoryRoot + "/scripts/interop/peers.py"

    /// The Python interpreter with pyarrow and DuckDB.
    /// - Throws: ``InteropFailure`` saying how to get one when neither `LAGOA_PYTHON` nor `.venv/` exists.
    static func python() throws -> String {
        if let configured = TestPaths.environment("LAGOA_PYTHON"), !configured.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: configured) else {
                throw InteropFailure("LAGOA_PYTHON is '\(configured)', which is not an executable; run `make venv`")
            }
            return configured
        }
        let local = repositoryRoot + "/.venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: local) else {
            throw InteropFailure(
                "LAGOA_PYTHON is not set and \(local) does not exist; run `make venv` (or `make test`)"
            )
        }
        return local
    }

    /// Runs `peers.py COMMAND ARGUMENT` and returns its exit status and combined stdout/stderr.
    static func peers(_ command: String, _ argument: String) async throws -> ProcessOutput {
        try await ProcessOutput.run(try python(), [peersScript, command, argument])
    }
}

/// A failure of the test environment (not of Lagoa): missing Python, generator crash.
struct InteropFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The result of a finished subprocess.
struct ProcessOutput: Sendable {
    var status: Int32
    /// stdout and stderr, interleaved as written.
    var output: String

    /// Runs `executable` with `arguments` on a dedicated thread (not the cooperative pool), stdin
    /// closed, stdout and stderr captured through one pipe so neither can fill up and block.
    static func run(_ executable: String, _ arguments: [String]) async throws -> ProcessOutput {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = arguments
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = pipe
                process.standardInput = FileHandle.nullDevice
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: InteropFailure("cannot start \(executable): \(error)"))
                    return
                }
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                let text = String(decoding: data, as: UTF8.self)
                continuation.resume(returning: ProcessOutput(status: process.terminationStatus, output: text))
            }
            thread.start()
        }
    }
}

/// One file of the generated corpus, as listed in `manifest.json`.
struct CorpusEntry: Decodable, Sendable {
    /// File name without `.parquet`.
    var name: String
    /// `pyarrow` or `duckdb`: who wrote the file.
    var peer: String
    /// The writer call or COPY options that produced it.
    var options: String
    var rows: Int
    /// Who produced the expected rows: `pyarrow`, or `duckdb (…reason…)` when pyarrow cannot read the file.
    var oracle: String

    /// "NAME.parquet (pyarrow: pq.write_table(...))", for failure messages.
    var label: String {
        let oracleNote = oracle == "pyarrow" ? "" : "; expected rows from \(oracle)"
        return "\(name).parquet (\(peer): \(options)\(oracleNote))"
    }
}

/// The Parquet files written by pyarrow and DuckDB, with their expected canonical rows; generated
/// once per test process into a temporary folder that is removed at exit (kept, and its path
/// printed, with `LAGOA_KEEP_INTEROP=1`).
struct Corpus: Sendable {
    var folder: String
    var entries: [CorpusEntry]

    /// The corpus of this test run, generated on first use.
    static func shared() async throws -> Corpus {
        try await generation.value
    }

    private static let generation = Task<Corpus, any Error> {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-interop")
        corpusFolderToRemove = folder
        if TestPaths.environment("LAGOA_KEEP_INTEROP") == "1" {
            print("interop corpus kept in \(folder)")
        } else {
            atexit { if let folder = corpusFolderToRemove { TestPaths.remove(folder) } }
        }
        let result = try await Interop.peers("generate", folder)
        guard result.status == 0 else {
            throw InteropFailure("peers.py generate \(folder) failed with status \(result.status):\n\(result.output)")
        }
        let manifest = try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))
        let entries = try JSONDecoder().decode([CorpusEntry].self, from: manifest)
        return Corpus(folder: folder, entries: entries)
    }

    func path(_ entry: CorpusEntry) -> String { "\(folder)/\(entry.name).parquet" }

    /// The expected canonical rows of `entry` (one JSON array per row).
    func expectedRows(_ entry: CorpusEntry) throws -> [String] {
        let text = try String(contentsOfFile: "\(folder)/\(entry.name).expected.jsonl", encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// The expected top-level columns of `entry`: name and type as Lagoa spells it.
    func expectedTypes(_ entry: CorpusEntry) throws -> [(name: String, type: String)] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(entry.name).expected.types.json"))
        let pairs = try JSONDecoder().decode([[String]].self, from: data)
        return pairs.map { (name: $0[0], type: $0[1]) }
    }
}

/// Set once, before `atexit` can run; read only by the exit handler.
nonisolated(unsafe) private var corpusFolderToRemove: String?

/// Helpers to read a file with Lagoa and compare it with canonical rows.
enum LagoaRows {
    /// Batch size of every Lagoa read: not a divisor of any page or row group size in the corpus, so
    /// batches straddle page and row-group boundaries.
    static let batchSize = 777

    /// Every row of the Parquet file at `path`, as Lagoa reads it.
    static func read(_ path: String) async throws -> (schema: Schema, batches: [RecordBatch]) {
        let reader = try await ParquetFileReader(path: path)
        let batches = try await reader.readAll(ParquetReadOptions(columns: nil, batchSize: batchSize))
        return (reader.schema.arrowSchema, batches)
    }

    /// The canonical rows of `batches`, each value encoded separately (for locating a mismatch).
    static func canonicalCells(_ batches: [RecordBatch]) -> [[String]] {
        batches.flatMap { batch in
            (0..<batch.rowCount).map { r in batch.row(r).map(CanonicalJSON.encode) }
        }
    }

    /// `nil` when `cells` (Lagoa) equals `expected` (the oracle's lines); otherwise the first
    /// mismatch: row, column name, both rows.
    static func firstMismatch(expected: [String], cells: [[String]], columns: [String]) -> String? {
        for (r, (line, row)) in zip(expected, cells).enumerated() {
            let actual = "[" + row.joined(separator: ",") + "]"
            guard line != actual else { continue }
            // Canonical text is positional: the first column whose prefix stops matching differs.
            var prefix = "["
            var column = row.count - 1
            for (c, cell) in row.enumerated() {
                prefix += (c > 0 ? "," : "") + cell
                if !line.hasPrefix(prefix) {
                    column = c
                    break
                }
            }
            let name = column < columns.count ? columns[column] : "#\(column)"
            return "row \(r), column '\(name)': Lagoa read \(clip(row[column]))\n"
                + "  expected row: \(clip(line))\n  Lagoa row:    \(clip(actual))"
        }
        if expected.count != cells.count {
            return "row counts differ: expected \(expected.count), Lagoa read \(cells.count)"
        }
        return nil
    }

    /// `text`, shortened to `limit` characters for messages.
    static func clip(_ text: String, _ limit: Int = 400) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…(\(text.count) characters)"
    }
}
