import Foundation
import LagoaEngine
import LagoaSQLLogicTest
import LagoaTesting
import Testing

/// The SQL corpus: every `SQLTests/**/*.slt` file is one test case, run in a fresh warehouse.
/// `*.slow.slt` files join with `LAGOA_SLOW_TESTS=1`.
@Suite("SQL corpus")
struct SQLCorpusTests {
    static let root = TestPaths.repositoryRoot() + "/SQLTests"

    /// Corpus files relative to `SQLTests/`, so each test case reads as `select/basics.slt`.
    static let files: [String] = {
        let slow = TestPaths.environment("LAGOA_SLOW_TESTS") == "1"
        let paths = (try? SLTFileRunner.files(under: root, includeSlow: slow)) ?? []
        return paths.map { String($0.dropFirst(root.count + 1)) }
    }()

    @Test(
        "SQLTests file",
        arguments: files
    )
    func corpusFile(_ relative: String) async throws {
        let runner = SLTFileRunner(options: EngineOptions(threads: 2))
        let report = try await runner.run(path: Self.root + "/" + relative)
        #expect(report.executed > 0, "\(relative) ran no records")
        #expect(
            report.mismatches.isEmpty,
            "\(report.mismatches.count) mismatches (rewrite with `swift run lagoa-slt --complete SQLTests/\(relative)` once Lagoa is right):\n\n\(report.mismatches.map(\.description).joined(separator: "\n\n"))"
        )
    }

    @Test("the corpus is not empty and every file parses")
    func corpusParses() throws {
        #expect(Self.files.count >= 20)
        for relative in Self.files {
            let records = try SLTParser.parse(
                try String(contentsOfFile: Self.root + "/" + relative, encoding: .utf8),
                path: relative
            )
            #expect(!records.isEmpty, "\(relative) has no records")
        }
    }
}
