public import LagoaObjectStore
import LagoaCore

/// The behaviour every ``ObjectStore`` promises, as named checks that any store's tests run
/// (memory, local disk, S3 on moto): each check gets a fresh, empty store and throws a
/// ``ContractViolation`` describing the first broken promise.
public enum ObjectStoreContract {
    /// One check of the contract.
    public struct Check: Sendable, CustomStringConvertible {
        public let name: String
        public let run: @Sendable (any ObjectStore) async throws -> Void
        public var description: String { name }
    }

    /// Every check, by name.
    public static let checks: [Check] = [
        Check(name: "putThenGet", run: putThenGet),
        Check(name: "overwrite", run: overwrite),
        Check(name: "head", run: head),
        Check(name: "missingKeys", run: missingKeys),
        Check(name: "listOrderAndFolders", run: listOrderAndFolders),
        Check(name: "deleteIsIdempotent", run: deleteIsIdempotent),
        Check(name: "putIfAbsent", run: putIfAbsent),
        Check(name: "concurrentPutIfAbsent", run: concurrentPutIfAbsent),
        Check(name: "rangedGet", run: rangedGet),
        Check(name: "writerClose", run: writerClose),
        Check(name: "writerAbort", run: writerAbort),
        Check(name: "unusualKeys", run: unusualKeys),
    ]

    /// The check called `name`.
    public static func check(_ name: String) -> Check {
        guard let found = checks.first(where: { $0.name == name }) else {
            preconditionFailure("no object store contract check named '\(name)'")
        }
        return found
    }

    /// The names of every check, for parameterised tests.
    public static var names: [String] { checks.map(\.name) }

    static func putThenGet(_ store: any ObjectStore) async throws {
        let path = try ObjectPath("t/one.bin")
        let bytes = pattern(1000, seed: 1)
        try await store.put(path, bytes)
        try expectEqual(try await store.get(path), bytes, "get after put")
        let empty = try ObjectPath("t/empty")
        try await store.put(empty, [])
        try expectEqual(try await store.get(empty), [], "get of an empty object")
        try expectEqual(try await store.head(empty).size, 0, "size of an empty object")
    }

    static func overwrite(_ store: any ObjectStore) async throws {
        let path = try ObjectPath("over/write.txt")
        try await store.put(path, Array("first version, longer".utf8))
        let first = try await store.head(path)
        try await store.put(path, Array("second".utf8))
        try expectEqual(try await store.get(path), Array("second".utf8), "get after overwrite")
        let second = try await store.head(path)
        try expectEqual(second.size, 6, "size after overwrite")
        if let a = first.eTag, let b = second.eTag, a == b {
            throw ContractViolation("eTag did not change after an overwrite with different bytes: \(a)")
        }
    }

    static func head(_ store: any ObjectStore) async throws {
        let path = try ObjectPath("h/meta.json")
        try await store.put(path, pattern(4321, seed: 2))
        let meta = try await store.head(path)
        try expectEqual(meta.path, path, "head path")
        try expectEqual(meta.size, 4321, "head size")
        if let millis = meta.lastModifiedMillis, millis < 1_600_000_000_000 {
            throw ContractViolation("head lastModifiedMillis \(millis) is before 2020")
        }
        try expectEqual(try await store.exists(path), true, "exists after put")
    }

    static func missingKeys(_ store: any ObjectStore) async throws {
        let path = try ObjectPath("nothing/here")
        try await expectError(.notFound, "get of a missing key") { _ = try await store.get(path) }
        try await expectError(.notFound, "ranged get of a missing key") { _ = try await store.get(path, range: 0..<1) }
        try await expectError(.notFound, "head of a missing key") { _ = try await store.head(path) }
        try expectEqual(try await store.exists(path), false, "exists of a missing key")
        try expectEqual(try await store.list(prefix: path).count, 0, "list of a missing prefix")
    }

    static func listOrderAndFolders(_ store: any ObjectStore) async throws {
        let keys = ["b", "a/bc", "a/b/2/x", "a-b", "a/b.txt", "a/b/1", "a/é", "a/z"]
        for (index, key) in keys.enumerated() {
            try await store.put(try ObjectPath(key), pattern(index + 1, seed: UInt8(index)))
        }
        // Byte order of UTF-8: '-' < '.' < '/' < letters < 'é'.
        let all = ["a-b", "a/b.txt", "a/b/1", "a/b/2/x", "a/bc", "a/z", "a/é", "b"]
        try expectEqual(try await store.list(prefix: nil).map(\.path.string), all, "list of everything")
        try expectEqual(try await store.list(prefix: try ObjectPath("a/b")).map(\.path.string), ["a/b/1", "a/b/2/x"], "list of folder a/b")
        try expectEqual(
            try await store.list(prefix: try ObjectPath("a")).map(\.path.string),
            ["a/b.txt", "a/b/1", "a/b/2/x", "a/bc", "a/z", "a/é"],
            "list of folder a"
        )
        try expectEqual(try await store.list(prefix: try ObjectPath("a/b/1")).map(\.path.string), ["a/b/1"], "list of a key itself")
        try expectEqual(try await store.list(prefix: try ObjectPath("a/b/2/x")).map(\.size), [3], "size in a listing")
        try expectEqual(try await store.list(prefix: try ObjectPath("c")).count, 0, "list of an unknown folder")
    }

    static func deleteIsIdempotent(_ store: any ObjectStore) async throws {
        let path = try ObjectPath("d/e/l.txt")
        let sibling = try ObjectPath("d/keep.txt")
        try await store.delete(path)
        try await store.put(path, [1, 2, 3])
        try await store.put(sibling, [4])
        try await store.delete(path)
        try await expectError(.notFound, "get after delete") { _ = try await store.get(path) }
        try await store.delete(path)
        try expectEqual(try await store.list(prefix: nil).map(\.path.string), ["d/keep.txt"], "list after delete")
        try await store.delete([sibling, path])
        try expectEqual(try await store.list(prefix: nil).count, 0, "list after deleting everything")
    }

    static func putIfAbsent(_ store: any ObjectStore) async throws {
        let path = try ObjectPath("m/v1.metadata.json")
        try await store.putIfAbsent(path, Array("winner".utf8))
        try await expectError(.alreadyExists, "second putIfAbsent") {
            try await store.putIfAbsent(path, Array("loser".utf8))
        }
        try expectEqual(try await store.get(path), Array("winner".utf8), "content after a refused putIfAbsent")
        try expectEqual(try await store.list(prefix: nil).map(\.path.string), ["m/v1.metadata.json"], "no leftovers after putIfAbsent")
    }

    static func concurrentPutIfAbsent(_ store: any ObjectStore) async throws {
        let path = try ObjectPath("race/v2.metadata.json")
        let outcomes = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for contender in 0..<8 {
                group.addTask {
                    do {
                        try await store.putIfAbsent(path, Array("contender \(contender)".utf8))
                        return (contender, true)
                    } catch let error as ObjectStoreError where error.code == .alreadyExists {
                        return (contender, false)
                    }
                }
            }
            var outcomes: [(Int, Bool)] = []
            for try await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        let winners = outcomes.filter(\.1).map(\.0)
        try expectEqual(winners.count, 1, "number of winners of 8 concurrent putIfAbsent calls")
        try expectEqual(try await store.get(path), Array("contender \(winners[0])".utf8), "the winner's bytes")
    }

    static func rangedGet(_ store: any ObjectStore) async throws {
        let path = try ObjectPath("r/data.bin")
        let bytes = pattern(10_000, seed: 3)
        try await store.put(path, bytes)
        try expectEqual(try await store.get(path, range: 2..<5), Array(bytes[2..<5]), "range 2..<5")
        try expectEqual(try await store.get(path, range: 0..<10_000), bytes, "the whole range")
        try expectEqual(try await store.get(path, range: 9_999..<10_000), [bytes[9_999]], "the last byte")
        try expectEqual(try await store.get(path, range: 10_000..<10_000), [], "an empty range at the end")
        try await expectError(.invalidArgument, "a range past the end", containing: "runs past the end") {
            _ = try await store.get(path, range: 9_990..<10_001)
        }
        try await expectError(.invalidArgument, "a range starting past the end", containing: "runs past the end") {
            _ = try await store.get(path, range: 20_000..<20_010)
        }
    }

    static func writerClose(_ store: any ObjectStore) async throws {
        let path = try ObjectPath("w/stream.parquet")
        try await store.put(path, Array("old".utf8))
        let writer = try await store.writer(path)
        var expected: [UInt8] = []
        for chunk in 0..<20 {
            let bytes = pattern(chunk * 997, seed: UInt8(chunk))
            try await writer.write(bytes)
            expected += bytes
        }
        try expectEqual(writer.position, Int64(expected.count), "writer position")
        try expectEqual(try await store.get(path), Array("old".utf8), "object before the writer closes")
        try await writer.close()
        try expectEqual(try await store.get(path), expected, "object after the writer closes")
        try expectEqual(try await store.list(prefix: try ObjectPath("w")).map(\.path.string), ["w/stream.parquet"], "no leftovers after close")
    }

    static func writerAbort(_ store: any ObjectStore) async throws {
        let path = try ObjectPath("w/aborted.parquet")
        let writer = try await store.writer(path)
        try await writer.write(pattern(5000, seed: 4))
        await writer.abort()
        try await expectError(.notFound, "get after abort") { _ = try await store.get(path) }
        try expectEqual(try await store.list(prefix: nil).count, 0, "list after abort")
    }

    static func unusualKeys(_ store: any ObjectStore) async throws {
        let keys = [
            "with space/file name.txt", "unicode/é 日本/データ.parquet", "reserved/a+b=c&d?e#f%25g~h!i",
            "reserved/$dollar,comma;semi:colon@at'quote(paren)*star", "date=2026-11-20/part-00000.parquet",
        ]
        for (index, key) in keys.enumerated() {
            let path = try ObjectPath(key)
            try await store.put(path, Array(key.utf8))
            try expectEqual(try await store.get(path), Array(key.utf8), "get of '\(key)'")
            try expectEqual(try await store.head(path).size, Int64(key.utf8.count), "head of '\(key)'")
            try expectEqual(try await store.get(path, range: 1..<3), Array(Array(key.utf8)[1..<3]), "ranged get of '\(key)' (\(index))")
        }
        try expectEqual(
            try await store.list(prefix: nil).map(\.path.string),
            keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) },
            "list of unusual keys"
        )
        try expectEqual(
            try await store.list(prefix: try ObjectPath("unicode/é 日本")).map(\.path.string),
            ["unicode/é 日本/データ.parquet"],
            "list under a unicode folder"
        )
        for key in keys { try await store.delete(try ObjectPath(key)) }
        try expectEqual(try await store.list(prefix: nil).count, 0, "list after deleting unusual keys")
    }

    /// `count` deterministic bytes.
    public static func pattern(_ count: Int, seed: UInt8) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed) &* 7 &+ ($0 >> 8)) }
    }

    private static func expectEqual<T: Equatable>(_ actual: T, _ expected: T, _ what: String) throws {
        guard actual == expected else {
            let shown = { (value: T) -> String in
                let text = "\(value)"
                return text.count > 300 ? String(text.prefix(300)) + "…" : text
            }
            throw ContractViolation("\(what): expected \(shown(expected)), got \(shown(actual))")
        }
    }

    private static func expectError(
        _ code: ObjectStoreError.Code,
        _ what: String,
        containing fragment: String? = nil,
        _ body: () async throws -> Void
    ) async throws {
        do {
            try await body()
        } catch let error as ObjectStoreError {
            guard error.code == code else {
                throw ContractViolation("\(what): expected error code \(code), got \(error.code): \(error.message)")
            }
            if let fragment, !error.message.contains(fragment) {
                throw ContractViolation("\(what): message '\(error.message)' does not contain '\(fragment)'")
            }
            return
        }
        throw ContractViolation("\(what): expected error code \(code), but it succeeded")
    }
}

/// A broken promise of the ``ObjectStore`` contract.
public struct ContractViolation: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
