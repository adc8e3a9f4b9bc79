import ArgumentParser
import LagoaColumnar
import LagoaIceberg
import LagoaParquet

/// `lagoa table scan NAME [--snapshot ID | --as-of TS | --ref BRANCH] [--columns a,b] [--where F] [--output FILE]`.
struct TableScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Read a table's rows: JSON lines on stdout, or a .jsonl, .csv or .parquet file.",
        discussion: "Values follow the conventions of 'lagoa convert' (ISO dates and timestamps, decimals as text)."
    )
    @OptionGroup var lake: LakeOptions
    @Argument(help: "The table.") var name: String
    @Option(help: "Read this snapshot id.") var snapshot: Int64?
    @Option(help: "Read the snapshot current at this time (2026-11-20T10:00:00Z or milliseconds since the epoch).") var asOf: String?
    @Option(help: "Read this branch or tag.") var ref: String?
    @Option(help: "Comma-separated columns to read.") var columns: String?
    @Option(name: .customLong("where"), help: "A row filter, e.g. \"day = '2026-11-20' AND amount > 10\".") var filter: String?
    @Option(help: "Write to this file (.jsonl, .csv or .parquet) instead of stdout.") var output: String?
    @Option(help: "Stop after this many rows.") var limit: Int?

    func validate() throws {
        guard [snapshot != nil, asOf != nil, ref != nil].filter({ $0 }).count <= 1 else {
            throw ValidationError("give at most one of --snapshot, --as-of and --ref")
        }
    }

    func run() async throws {
        try await CLIErrors.reporting {
            let catalog = try lake.open()
            let table = try await catalog.loadTable(try TableIdentifier(parsing: name))
            var selector = SnapshotSelector.current
            if let snapshot { selector = .id(snapshot) }
            if let ref { selector = .ref(ref) }
            if let asOf { selector = .asOf(try TimeArgument.millis(asOf, option: "--as-of")) }
            let scan = try TableScan(
                table: table,
                selector: selector,
                columns: columns.map { $0.split(separator: ",").map { String($0).trimmingCharacters() } },
                filter: try filter.map { try IcebergExpression(parsing: $0) } ?? .alwaysTrue
            )
            let sink: BatchSink
            if let output {
                sink = try await BatchSink.open(output, format: try FileFormat(path: output), schema: scan.schema, options: ParquetWriteOptions())
            } else {
                sink = BatchSink.stdout(schema: scan.schema)
            }
            var remaining = limit ?? Int.max
            for try await batch in scan.batches() {
                guard remaining > 0 else { break }
                let part = batch.rowCount > remaining ? batch.slice(0, remaining) : batch
                try await sink.write(part)
                remaining -= part.rowCount
            }
            try await sink.finish()
        }
    }
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

/// Times given on the command line.
enum TimeArgument {
    /// Milliseconds since the epoch from digits or an ISO timestamp (UTC unless it has an offset).
    static func millis(_ text: String, option: String) throws -> Int64 {
        if let millis = Int64(text) { return millis }
        guard case .timestamptz(let micros) = try IcebergValue(parsing: text, as: .timestamptz) else {
            throw ValidationError("\(option) expects a timestamp like 2026-11-20T10:00:00Z or milliseconds since the epoch")
        }
        return micros / 1000
    }
}
