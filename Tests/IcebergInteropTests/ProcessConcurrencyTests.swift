import LagoaTesting
import Testing

/// Many `lagoa` processes writing one table at once, with both catalog databases: every commit
/// must land exactly once (optimistic commits retried on conflict).
@Suite("Iceberg: concurrent writer processes", .enabled(if: IcebergPeer.isEnabled, IcebergPeer.disabledReason), .serialized)
struct ProcessConcurrencyTests {
    static let writers = 8
    static let appendsPerWriter = 50

    static func run(catalogOption: String) async throws {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-concurrency")
        defer { TestPaths.remove(folder) }
        for w in 0..<writers {
            for k in 0..<appendsPerWriter {
                LagoaProcess.write("{\"writer\":\(w),\"seq\":\(k),\"payload\":\"w\(w)-\(k)\"}\n", to: "\(folder)/w\(w)-\(k).jsonl")
            }
        }
        let script = """
            opts="--warehouse \(folder)/warehouse \(catalogOption)"
            "$LAGOA" namespace create load $opts >/dev/null || exit 1
            "$LAGOA" table create load.events --schema-from w0-0.jsonl $opts >/dev/null || exit 1
            for w in $(seq 0 \(writers - 1)); do
              ( for k in $(seq 0 \(appendsPerWriter - 1)); do
                  "$LAGOA" table append load.events w$w-$k.jsonl $opts >/dev/null 2>>errors.txt || echo "writer $w append $k failed" >> failures.txt
                done ) &
            done
            wait
            cat failures.txt 2>/dev/null && exit 1
            "$LAGOA" table scan load.events --columns writer,seq $opts > rows.jsonl || exit 1
            "$LAGOA" table history load.events $opts | grep -c append
            """
        let result = try await LagoaProcess.bash(script, in: folder)
        #expect(result.status == 0, "\(result.output)\n\(LagoaProcess.read(folder + "/errors.txt"))")
        let rows = LagoaProcess.read(folder + "/rows.jsonl").split(separator: "\n").map(String.init)
        #expect(rows.count == writers * appendsPerWriter, "rows: \(rows.count)")
        #expect(Set(rows).count == writers * appendsPerWriter, "duplicated rows")
        for w in 0..<writers {
            for k in 0..<appendsPerWriter {
                #expect(rows.contains("{\"writer\":\(w),\"seq\":\(k)}"), "writer \(w) append \(k) lost")
            }
        }
        #expect(result.output.split(separator: "\n").last == "\(writers * appendsPerWriter)", "snapshots: \(result.output)")
    }

    @Test func sqliteCatalog() async throws {
        try await Self.run(catalogOption: "")
    }

    @Test func postgresCatalog() async throws {
        let server = try await Subprocess.detached { try PostgresServer.start() }
        defer { server.stop() }
        let url = try await Subprocess.detached { try server.createDatabase("lagoa_concurrency") }
        try await Self.run(catalogOption: "--catalog \(url)")
    }
}
