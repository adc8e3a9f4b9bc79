import LagoaCore
import Synchronization

/// An object store in memory, for tests: same contract as the others, nothing on disk.
public final class InMemoryObjectStore: ObjectStore {
    private struct Entry {
        var bytes: [UInt8]
        var version: Int64
        var modifiedMillis: Int64
    }

    private let objects = Mutex<[ObjectPath: Entry]>([:])
    private let counter = Atomic<Int64>(0)
    public let url: String

    public init(name: String = "test") {
        self.url = "memory://" + name
    }

    public func get(_ path: ObjectPath) async throws(ObjectStoreError) -> [UInt8] {
        try entry(path).bytes
    }

    public func get(_ path: ObjectPath, range: Range<Int64>) async throws(ObjectStoreError) -> [UInt8] {
        let bytes = try entry(path).bytes
        guard range.lowerBound >= 0, range.upperBound <= Int64(bytes.count) else {
            throw ObjectStoreError(
                .invalidArgument,
                "\(url)/\(path): range \(range.lowerBound)..<\(range.upperBound) runs past the end (\(bytes.count) bytes)"
            )
        }
        return Array(bytes[Int(range.lowerBound)..<Int(range.upperBound)])
    }

    public func head(_ path: ObjectPath) async throws(ObjectStoreError) -> ObjectMeta {
        let found = try entry(path)
        return ObjectMeta(
            path: path,
            size: Int64(found.bytes.count),
            lastModifiedMillis: found.modifiedMillis,
            eTag: String(found.version)
        )
    }

    public func put(_ path: ObjectPath, _ bytes: [UInt8]) async throws(ObjectStoreError) {
        let entry = makeEntry(bytes)
        objects.withLock { $0[path] = entry }
    }

    public func putIfAbsent(_ path: ObjectPath, _ bytes: [UInt8]) async throws(ObjectStoreError) {
        let entry = makeEntry(bytes)
        let inserted = objects.withLock { objects in
            guard objects[path] == nil else { return false }
            objects[path] = entry
            return true
        }
        guard inserted else {
            throw ObjectStoreError(.alreadyExists, "\(url)/\(path) already exists")
        }
    }

    public func list(prefix: ObjectPath?) async throws(ObjectStoreError) -> [ObjectMeta] {
        let snapshot = objects.withLock { $0 }
        return snapshot
            .filter { prefix == nil || $0.key.isUnder(prefix!) }
            .map { ObjectMeta(path: $0.key, size: Int64($0.value.bytes.count), lastModifiedMillis: $0.value.modifiedMillis, eTag: String($0.value.version)) }
            .sorted { $0.path < $1.path }
    }

    public func delete(_ path: ObjectPath) async throws(ObjectStoreError) {
        _ = objects.withLock { $0.removeValue(forKey: path) }
    }

    public func writer(_ path: ObjectPath) async throws(ObjectStoreError) -> any ObjectWriter {
        BufferedObjectWriter { bytes throws(ObjectStoreError) in
            try await self.put(path, bytes)
        }
    }

    private func entry(_ path: ObjectPath) throws(ObjectStoreError) -> Entry {
        guard let found = objects.withLock({ $0[path] }) else {
            throw ObjectStoreError(.notFound, "\(url)/\(path) does not exist")
        }
        return found
    }

    private func makeEntry(_ bytes: [UInt8]) -> Entry {
        let version = counter.add(1, ordering: .relaxed).newValue
        return Entry(bytes: bytes, version: version, modifiedMillis: WallClock.nowMillis())
    }
}
