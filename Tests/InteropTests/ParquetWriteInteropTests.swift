import Foundation
import LagoaColumnar
// LagoaCompression is not (yet) a declared dependency of InteropTests; it builds because SwiftPM
// puts LagoaParquet's dependencies on the module path. Package.swift should list it.
import LagoaCompression
import LagoaParquet
import LagoaTesting
import Testing

/// One way of configuring Lagoa's writer; every corpus file is rewritten once per variant.
struct WriterVariant: Sendable {
    /// Part of the file name (`NAME.VARIANT.parquet`): letters, digits and underscores only.
    var name: String
    var options: ParquetWriteOptions

    static let all: [WriterVariant] = [
        WriterVariant(name: "default", options: ParquetWriteOptions()),
        WriterVariant(name: "zstd_v2", options: ParquetWriteOptions(compression: .zstd, dataPageVersion: .v2)),
        WriterVariant(name: "gzip_plain", options: ParquetWriteOptions(compression: .gzip, dictionary: false)),
        WriterVariant(
            name: "lz4_delta",
            options: ParquetWriteOptions(compression: .lz4Raw, dictionary: false, deltaEncodings: true)
        ),
        WriterVariant(
            name: "none_tiny_pages",
            options: ParquetWriteOptions(
                compression: .uncompressed,
                maxRowsPerRowGroup: 300,
                pageSize: 256,
                maxRowsPerPage: 64
            )
        ),
        WriterVariant(
            name: "zstd_v2_delta_dict_fallback",
            options: ParquetWriteOptions(
                compression: .zstd,
                pageSize: 1024,
                dataPageVersion: .v2,
                dictionaryPageSizeLimit: 512,
                deltaEncodings: true
            )
        ),
    ]
}

/// Every corpus file read by Lagoa and rewritten under every ``WriterVariant`` into
/// `CORPUS/lagoa/NAME.VARIANT.parquet`; done once per test run and shared by both directions.
struct WrittenCorpus: Sendable {
    struct File: Sendable {
        var entry: CorpusEntry
        var variant: String
        var path: String
        /// What Lagoa read from the original, to compare the rewritten file with.
        var original: [RecordBatch]
    }

    var corpus: Corpus
    var files: [File]
    /// Files Lagoa failed to write: label and error.
    var writeFailures: [String]
    /// Originals Lagoa could not read (reported by the read tests; not rewritten).
    var unreadable: [String]

    static func shared() async throws -> WrittenCorpus {
        try await writing.value
    }

    private static let writing = Task<WrittenCorpus, any Error> {
        let corpus = try await Corpus.shared()
        let folder = corpus.folder + "/lagoa"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var result = WrittenCorpus(corpus: corpus, files: [], writeFailures: [], unreadable: [])
        for entry in corpus.entries {
            let schema: Schema
            let batches: [RecordBatch]
            do {
                (schema, batches) = try await LagoaRows.read(corpus.path(entry))
            } catch {
                result.unreadable.append(entry.name)
                continue
            }
            for variant in WriterVariant.all {
                let path = "\(folder)/\(entry.name).\(variant.name).parquet"
                do {
                    let writer = try ParquetFileWriter(path: path, schema: schema, options: variant.options)
                    for batch in batches { try await writer.write(batch) }
                    _ = try await writer.close()
                    result.files.append(File(entry: entry, variant: variant.name, path: path, original: batches))
                } catch {
                    result.writeFailures.append("\(entry.name).\(variant.name): \(error)")
                    try? FileManager.default.removeItem(atPath: path)
                }
            }
        }
        return result
    }
}

/// Directions (b) and (c): Lagoa rewrites every peer-written file under several writer
/// configurations; pyarrow and DuckDB must read the rewritten files with exactly the original's
/// values (`peers.py verify`), and so must Lagoa itself.
@Suite(
    "Interop: Lagoa-written Parquet read by peers and by Lagoa",
    .enabled(if: Interop.isEnabled, Interop.disabledReason)
)
struct ParquetWriteInteropTests {
    @Test("pyarrow and DuckDB read every Lagoa-written file with the original's values")
    func peersReadLagoaFiles() async throws {
        let written = try await WrittenCorpus.shared()
        for failure in written.writeFailures {
            Issue.record("Lagoa cannot write \(failure)")
        }
        let result = try await Interop.peers("verify", written.corpus.folder)
        #expect(
            result.status == 0,
            "peers.py verify found differences (exit status \(result.status)):\n\(result.output)"
        )
        let total = written.files.count + written.writeFailures.count
        print(
            "interop write: \(written.files.count) of \(total) files written "
                + "(\(written.unreadable.count) originals unreadable by Lagoa, skipped); "
                + (result.output.split(separator: "\n").last.map(String.init) ?? "")
        )
    }

    @Test("Lagoa reads every Lagoa-written file back with the values it wrote")
    func lagoaReadsLagoaFiles() async throws {
        let written = try await WrittenCorpus.shared()
        var failed = 0
        for file in written.files {
            if let problem = await Self.roundTripProblem(file) {
                failed += 1
                Issue.record("lagoa/\(file.entry.name).\(file.variant).parquet (from \(file.entry.label))\n\(problem)")
            }
        }
        print("interop Lagoa round trip: \(written.files.count - failed) of \(written.files.count) files match")
    }

    /// `nil` when Lagoa reads `file` back as the batches it was written from.
    static func roundTripProblem(_ file: WrittenCorpus.File) async -> String? {
        let reread: [RecordBatch]
        do {
            reread = try await LagoaRows.read(file.path).batches
        } catch {
            return "Lagoa cannot read its own file: \(error)"
        }
        let columns = file.original.first?.schema.fields.map(\.name) ?? []
        let canonical = LagoaRows.firstMismatch(
            expected: LagoaRows.canonicalCells(file.original).map(Self.line),
            cells: LagoaRows.canonicalCells(reread),
            columns: columns
        )
        // BatchComparison treats NaN as equal to NaN, -0.0 as different from 0.0, and ignores list
        // element names (the writer always writes the standard `element`, a legacy file may say `item`).
        if let difference = BatchComparison.difference(expected: file.original, actual: reread) {
            let fields = Self.fieldDifference(file.original.first?.schema, reread.first?.schema)
            return [fields, difference, canonical.map { "canonical: \($0)" }].compactMap(\.self).joined(separator: "\n")
        }
        // Canonical text also catches what Value equality cannot see, such as -0.0 read as 0.0.
        return canonical
    }

    /// The first top-level field whose full description (child names, nullability, ids, metadata,
    /// which `DataType.description` leaves out) differs, as "wrote … / read …".
    static func fieldDifference(_ expected: Schema?, _ actual: Schema?) -> String? {
        guard let expected, let actual else { return nil }
        for (e, a) in zip(expected.fields, actual.fields) where e != a {
            return "field '\(e.name)' changed:\n  wrote \(describe(e))\n  read  \(describe(a))"
        }
        return nil
    }

    static func describe(_ field: Field) -> String {
        var text = "\(field.name)\(field.nullable ? "" : " not null")"
        if let id = field.id { text += " id=\(id)" }
        if !field.metadata.isEmpty { text += " \(field.metadata.sorted { $0.key < $1.key })" }
        switch field.type {
        case .list(let child): return text + ": list<\(describe(child))>"
        case .struct(let children): return text + ": struct<" + children.map(describe).joined(separator: ", ") + ">"
        case .map(let key, let value, let sorted):
            return text + ": map<\(describe(key)), \(describe(value))\(sorted ? ", sorted" : "")>"
        default: return text + ": \(field.type)"
        }
    }

    private static func line(_ cells: [String]) -> String { "[" + cells.joined(separator: ",") + "]" }
}
