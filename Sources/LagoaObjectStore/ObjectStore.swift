public import LagoaCore

/// A flat namespace of immutable byte objects: a folder on local disk, memory, or an S3 bucket.
///
/// Iceberg needs little from storage: whole and ranged reads, whole writes, an atomic
/// create-if-absent (for metadata files), listing (for orphan removal) and deletion. Everything
/// here is addressed by a validated ``ObjectPath`` relative to the store's root, so no key can
/// escape it.
///
/// ## Implementing your own
/// - `put` replaces atomically: readers see the old object or the new one, never a prefix.
/// - `putIfAbsent` is atomic across processes: of two concurrent calls for one key exactly one
///   succeeds and the other throws ``ObjectStoreError/Code/alreadyExists``.
/// - `list` returns every object whose key is under `prefix` (folder semantics, see
///   ``ObjectPath/isUnder(_:)``), sorted by key, following pagination to the end.
/// - `delete` of a missing key succeeds (it is idempotent).
/// - Every method may be called concurrently.
public protocol ObjectStore: Sendable {
    /// The store's root as a URL: `file:///abs/folder`, `memory://name` or `s3://bucket/prefix`.
    var url: String { get }

    /// Reads a whole object.
    /// - Throws: ``ObjectStoreError/Code/notFound`` when there is no such key.
    func get(_ path: ObjectPath) async throws(ObjectStoreError) -> [UInt8]

    /// Reads `range` (byte offsets, upper bound exclusive) of an object.
    /// - Throws: ``ObjectStoreError/Code/invalidArgument`` when the range runs past the end.
    func get(_ path: ObjectPath, range: Range<Int64>) async throws(ObjectStoreError) -> [UInt8]

    /// Returns the object's size and version without reading it.
    func head(_ path: ObjectPath) async throws(ObjectStoreError) -> ObjectMeta

    /// Writes a whole object, replacing any previous one atomically.
    func put(_ path: ObjectPath, _ bytes: [UInt8]) async throws(ObjectStoreError)

    /// Writes a whole object only if the key does not exist yet, atomically.
    /// - Throws: ``ObjectStoreError/Code/alreadyExists`` when it does.
    func putIfAbsent(_ path: ObjectPath, _ bytes: [UInt8]) async throws(ObjectStoreError)

    /// Every object under `prefix` (all objects when nil), sorted by key.
    func list(prefix: ObjectPath?) async throws(ObjectStoreError) -> [ObjectMeta]

    /// Deletes an object; deleting a missing key succeeds.
    func delete(_ path: ObjectPath) async throws(ObjectStoreError)

    /// Deletes several objects; missing keys are fine. The default deletes one by one; S3 batches
    /// up to 1000 keys per request.
    func delete(_ paths: [ObjectPath]) async throws(ObjectStoreError)

    /// Opens a streaming writer for a large object (a multipart upload on S3). Nothing is visible at
    /// `path` until the writer's `close()` succeeds; `abort()` (or a crash) leaves nothing behind
    /// that a reader would see.
    func writer(_ path: ObjectPath) async throws(ObjectStoreError) -> any ObjectWriter
}

/// A streaming upload: sequential `write`s, then `close()` to publish or `abort()` to discard.
public protocol ObjectWriter: ByteSink {
    /// Discards everything written; the key stays as it was. Safe to call after a failed write.
    func abort() async
}

extension ObjectStore {
    /// Deletes the objects one by one.
    public func delete(_ paths: [ObjectPath]) async throws(ObjectStoreError) {
        for path in paths {
            try await delete(path)
        }
    }

    /// Whether an object exists at `path`.
    public func exists(_ path: ObjectPath) async throws(ObjectStoreError) -> Bool {
        do {
            _ = try await head(path)
            return true
        } catch where error.code == .notFound {
            return false
        }
    }

    /// A ``RandomAccessSource`` over one object, for the Parquet reader.
    public func source(_ path: ObjectPath) -> ObjectStoreSource {
        ObjectStoreSource(store: self, path: path)
    }
}
