import Foundation
import LagoaPlanner
import Testing

/// Optimized TPC-H plans compared with `Snapshots/qNN.explain`. A missing snapshot is recorded
/// (and the test fails, so a new snapshot is always looked at); `LAGOA_RECORD_SNAPSHOTS=1`
/// re-records them all.
@Suite("EXPLAIN golden plans") struct ExplainGoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    @Test("optimized TPC-H plans", arguments: [1, 3, 4, 5, 6, 10, 17, 18])
    func golden(_ number: Int) async throws {
        let plan = try await Planning.optimize(try Planning.tpchQuery(number))
        let text = plan.explainText() + "\n"
        let file = Self.directory.appendingPathComponent(String(format: "q%02d.explain", number))
        let record = ProcessInfo.processInfo.environment["LAGOA_RECORD_SNAPSHOTS"] == "1"
        guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try text.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded \(file.lastPathComponent); check it and run again")
            return
        }
        #expect(text == expected)
    }
}
