import LagoaTesting
import Testing

/// `kill -9` of writers at random moments (within the time one uninterrupted write takes): the table must always load, hold only whole batches,
/// and each partition replaced by an overwrite must hold the old rows or the new ones, never a mix.
@Suite("Iceberg: writers killed mid-commit", .enabled(if: IcebergPeer.isEnabled, IcebergPeer.disabledReason))
struct CrashTests {
    static let trials = 24
    static let rowsPerBatch = 3000

    @Test func killedWritersLeaveAValidTable() async throws {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-crash")
        defer { TestPaths.remove(folder) }
        // Batch b: rows (batch, row, day) — even trials append to day 1, odd trials overwrite day 2.
        for b in 0...Self.trials {
            var text = ""
            let day = b == 0 || b % 2 == 0 ? "2026-11-01" : "2026-11-02"
            for r in 0..<Self.rowsPerBatch {
                text += "{\"batch\":\(b),\"row\":\(r),\"day\":\"\(day)\",\"payload\":\"\(String(repeating: "x", count: 40))\"}\n"
            }
            LagoaProcess.write(text, to: "\(folder)/b\(b).jsonl")
        }
        let script = """
            opts="--warehouse \(folder)/warehouse"
            "$LAGOA" namespace create crash $opts >/dev/null || exit 1
            "$LAGOA" table create crash.t --schema-from b0.jsonl --partition-by day $opts >/dev/null || exit 1
            start=$(date +%s%N)
            "$LAGOA" table append crash.t b0.jsonl $opts >/dev/null || exit 1
            # Kill at a random moment inside the time an uninterrupted write takes on this machine.
            span=$(( ($(date +%s%N) - start) / 1000000 ))
            [ "$span" -lt 20 ] && span=20
            for t in $(seq 1 \(Self.trials)); do
              if [ $((t % 2)) -eq 0 ]; then
                "$LAGOA" table append crash.t b$t.jsonl $opts >/dev/null 2>&1 &
              else
                "$LAGOA" table overwrite crash.t b$t.jsonl --partition day=2026-11-02 $opts >/dev/null 2>&1 &
              fi
              pid=$!
              delay=$(( RANDOM % (span * 9 / 10) + 1 ))
              sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
              kill -9 $pid 2>/dev/null
              wait $pid 2>/dev/null
              "$LAGOA" table scan crash.t --columns batch,day $opts > scan-$t.jsonl 2> scan-$t.err || { echo "trial $t: table does not load"; cat scan-$t.err; exit 1; }
            done
            "$LAGOA" table remove-orphans crash.t --older-than 2999-01-01T00:00:00Z $opts | tail -1
            "$LAGOA" table scan crash.t --columns batch,day $opts > final.jsonl || exit 1
            """
        let result = try await LagoaProcess.bash(script, in: folder)
        try #require(result.status == 0, "\(result.output)")
        var killedMidWrite = 0
        var appendedBatches: Set<Int> = [0]
        var day2Batch: Int?
        for t in 1...Self.trials {
            let rows = LagoaProcess.read("\(folder)/scan-\(t).jsonl").split(separator: "\n")
            var counts: [Int: Int] = [:]
            var day2: Set<Int> = []
            for row in rows {
                // {"batch":N,"day":"…"}
                let batch = Int(row.dropFirst(9).prefix { $0.isNumber })!
                counts[batch, default: 0] += 1
                if row.contains("2026-11-02") { day2.insert(batch) }
            }
            for (batch, count) in counts {
                #expect(count == Self.rowsPerBatch, "trial \(t): batch \(batch) has \(count) of \(Self.rowsPerBatch) rows")
            }
            #expect(day2.count <= 1, "trial \(t): day 2 mixes batches \(day2.sorted())")
            let landed = counts[t] != nil
            if !landed { killedMidWrite += 1 }
            if t % 2 == 0 {
                if landed { appendedBatches.insert(t) }
            } else if landed {
                day2Batch = t
            }
            let expected = appendedBatches.union(day2Batch.map { [$0] } ?? [])
            #expect(Set(counts.keys) == expected, "trial \(t): batches \(counts.keys.sorted()), expected \(expected.sorted())")
        }
        let final = LagoaProcess.read("\(folder)/final.jsonl").split(separator: "\n").count
        #expect(final == (appendedBatches.count + (day2Batch == nil ? 0 : 1)) * Self.rowsPerBatch)
        // Most trials must really kill a write in flight, or the test proves nothing.
        #expect(killedMidWrite >= 5, "only \(killedMidWrite) of \(Self.trials) writers were killed before committing")
    }
}
