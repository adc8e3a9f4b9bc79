import LagoaCore
import Foundation
import LagoaObjectStore
import LagoaTesting
import Testing

/// `putIfAbsent` against other *processes*: 8 Python children race 4 Lagoa tasks for the same keys,
/// using the same protocol (write a temporary file, fsync, `link` it to the final name). In every
/// round exactly one contender of the 12 must win, and the object must hold the winner's bytes.
@Suite struct LocalPutIfAbsentRaceTests {
    static let python: String? = {
        for candidate in [TestPaths.environment("LAGOA_PYTHON"), "/usr/bin/python3", "/usr/local/bin/python3"] {
            if let candidate, !candidate.isEmpty, FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }()

    static let contender = #"""
        import os, sys, time
        root, ident, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
        open(os.path.join(root, "ready-" + ident), "w").close()
        for r in range(rounds):
            go = os.path.join(root, "go-%d" % r)
            deadline = time.time() + 120
            while not os.path.exists(go):
                if time.time() > deadline: sys.exit("no go signal for round %d" % r)
                time.sleep(0.0005)  # poll, do not spin: 8 spinning children starve a 2-core machine
            folder = os.path.join(root, "race", str(r))
            os.makedirs(folder, exist_ok=True)
            temp = os.path.join(folder, ".v.metadata.json.lagoa-tmp-py" + ident)
            with open(temp, "wb") as f:
                f.write(("python " + ident).encode()); f.flush(); os.fsync(f.fileno())
            try:
                os.link(temp, os.path.join(folder, "v.metadata.json")); print(r, "won", flush=True)
            except FileExistsError:
                print(r, "lost", flush=True)
            finally:
                os.unlink(temp)
        """#

    @Test(.enabled(if: python != nil, "needs python3 (or LAGOA_PYTHON) for the child processes"))
    func exactlyOneProcessWins() async throws {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-race")
        defer { TestPaths.remove(folder) }
        let rounds = 12
        let children = 8
        var processes: [(Process, Pipe)] = []
        for ident in 0..<children {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.python!)
            process.arguments = ["-c", Self.contender, folder, String(ident), String(rounds)]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            processes.append((process, pipe))
        }
        // Wait until every child is polling for the go signal.
        let readyDeadline = ContinuousClock.now + .seconds(30)
        while try TestPaths.files(in: folder, suffix: "").filter({ $0.hasPrefix("ready-") }).count < children {
            try #require(ContinuousClock.now < readyDeadline, "python children did not start")
            try await Task.sleep(for: .milliseconds(10))
        }
        var swiftWins: [Int: Int] = [:]
        for round in 0..<rounds {
            let path = try ObjectPath("race/\(round)/v.metadata.json")
            // Separate store instances: every call opens its own descriptors anyway.
            let stores = try (0..<4).map { _ in try LocalFileSystemStore(root: folder) }
            _ = FileManager.default.createFile(atPath: folder + "/go-\(round)", contents: nil)
            let winners = try await withThrowingTaskGroup(of: Int?.self) { group in
                for (index, store) in stores.enumerated() {
                    group.addTask {
                        do {
                            try await store.putIfAbsent(path, Array("swift \(index)".utf8))
                            return index
                        } catch let error as ObjectStoreError where error.code == .alreadyExists {
                            #expect(error.message == "file://\(folder)/race/\(round)/v.metadata.json already exists")
                            return nil
                        }
                    }
                }
                var winners: [Int] = []
                for try await winner in group { if let winner { winners.append(winner) } }
                return winners
            }
            #expect(winners.count <= 1)
            if let winner = winners.first { swiftWins[round] = winner }
        }
        var pythonWins: [Int: [String]] = [:]
        for (ident, (process, pipe)) in processes.enumerated() {
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            for line in output.split(separator: "\n") {
                let parts = line.split(separator: " ")
                if parts.count == 2, parts[1] == "won", let round = Int(parts[0]) {
                    pythonWins[round, default: []].append(String(ident))
                }
            }
        }
        let store = try LocalFileSystemStore(root: folder)
        for round in 0..<rounds {
            let python = pythonWins[round] ?? []
            let swift = swiftWins[round]
            #expect(python.count + (swift == nil ? 0 : 1) == 1, "round \(round): python winners \(python), swift winner \(String(describing: swift))")
            let expected = swift.map { "swift \($0)" } ?? python.first.map { "python \($0)" } ?? "?"
            let stored = try await store.get(try ObjectPath("race/\(round)/v.metadata.json"))
            #expect(String(decoding: stored, as: UTF8.self) == expected, "round \(round)")
            // No temporary file of any contender is left behind.
            #expect(try TestPaths.files(in: folder + "/race/\(round)") == ["v.metadata.json"])
            #expect(try await store.list(prefix: try ObjectPath("race/\(round)")).count == 1)
        }
    }
}
