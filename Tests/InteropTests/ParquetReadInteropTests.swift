import LagoaColumnar
import LagoaParquet
import Testing

/// Direction (a): Parquet files written by pyarrow and DuckDB (`peers.py generate`), read by Lagoa and
/// compared with what pyarrow reads from the same file, value by value in canonical JSON.
@Suite("Interop: peer-written Parquet read by Lagoa", .enabled(if: Interop.isEnabled, Interop.disabledReason))
struct ParquetReadInteropTests {
    @Test("Lagoa reads the same values as pyarrow from every pyarrow- and DuckDB-written file")
    func values() async throws {
        let corpus = try await Corpus.shared()
        var failed = 0
        for entry in corpus.entries {
            if let problem = await Self.valueProblem(entry, corpus) {
                failed += 1
                Issue.record("\(entry.label)\n\(problem)")
            }
        }
        print("interop read values: \(corpus.entries.count - failed) of \(corpus.entries.count) files match")
    }

    @Test("Lagoa maps every column to the type pyarrow reads (after Lagoa's normalisations)")
    func types() async throws {
        let corpus = try await Corpus.shared()
        var failed = 0
        for entry in corpus.entries {
            if let problem = await Self.typeProblem(entry, corpus) {
                failed += 1
                Issue.record("\(entry.label)\n\(problem)")
            }
        }
        print("interop read types: \(corpus.entries.count - failed) of \(corpus.entries.count) files match")
    }

    /// `nil` when Lagoa reads `entry` with exactly the oracle's rows.
    static func valueProblem(_ entry: CorpusEntry, _ corpus: Corpus) async -> String? {
        let schema: Schema
        let batches: [RecordBatch]
        do {
            (schema, batches) = try await LagoaRows.read(corpus.path(entry))
        } catch {
            return "Lagoa cannot read it: \(error)"
        }
        let expected: [String]
        do {
            expected = try corpus.expectedRows(entry)
        } catch {
            return "cannot read the expected rows: \(error)"
        }
        let cells = LagoaRows.canonicalCells(batches)
        return LagoaRows.firstMismatch(expected: expected, cells: cells, columns: schema.fields.map(\.name))
    }

    /// `nil` when Lagoa's schema for `entry` has the oracle's column names and types.
    static func typeProblem(_ entry: CorpusEntry, _ corpus: Corpus) async -> String? {
        let schema: Schema
        do {
            schema = try await ParquetFileReader(path: corpus.path(entry)).schema.arrowSchema
        } catch {
            return "Lagoa cannot open it: \(error)"
        }
        let expected: [(name: String, type: String)]
        do {
            expected = try corpus.expectedTypes(entry)
        } catch {
            return "cannot read the expected types: \(error)"
        }
        let actual = schema.fields.map { (name: $0.name, type: $0.type.description) }
        let differences = zip(expected, actual).filter { $0.0 != $0.1 }.map { e, a in
            "column '\(e.name)': expected \(e.type), Lagoa \(a.name == e.name ? "" : "'\(a.name)' ")\(a.type)"
        }
        let countProblem =
            expected.count == actual.count ? [] : ["expected \(expected.count) columns, Lagoa \(actual.count)"]
        let problems = countProblem + differences
        return problems.isEmpty ? nil : problems.joined(separator: "\n")
    }
}
