import LagoaColumnar
import Synchronization

/// Spill files for rows partitioned by the hash of their key (grace hashing): one ``SpillFile`` per
/// bucket, created when the bucket gets its first row, shared by the tasks of one operator.
///
/// The bucket of a row comes from the top bits of its ``EncodedKeys`` hash (``KeyHashTable`` uses the
/// low bits for slots), 4 bits per ``level``: a bucket that still does not fit in memory is
/// re-partitioned at the next level with the next 4 bits, so equal keys always meet in the same
/// bucket and the buckets of one level split those of the level above.
///
/// Files are deleted when taken files are released, or by ``removeAll()``, or when the buckets are
/// deallocated.
final class SpillBuckets: Sendable {
    /// Buckets per level.
    static let fanout = 16
    /// Levels of re-partitioning before an operator gives up splitting and goes over the limit
    /// (16⁴ = 65 536 buckets).
    static let maxLevels = 4

    let level: Int
    private let directory: String
    private let prefix: String
    private let stats: SpillStats
    private let files = Mutex<[SpillFile?]>(Array(repeating: nil, count: SpillBuckets.fanout))

    /// - Parameters:
    ///   - level: which 4 bits of the hash choose the bucket (0 = the top ones).
    ///   - prefix: the file name prefix (`lagoa-agg`, `lagoa-join-build` …).
    ///   - stats: where rows, bytes and files written are counted (for metrics).
    init(level: Int, directory: String, prefix: String, stats: SpillStats) {
        precondition(level < Self.maxLevels, "spill level \(level) is past the last one; callers check maxLevels")
        self.level = level
        self.directory = directory
        self.prefix = prefix
        self.stats = stats
    }

    deinit { removeAll() }

    /// The bucket of a key hash at `level`.
    @inline(__always)
    static func bucket(of hash: UInt64, level: Int) -> Int {
        Int(truncatingIfNeeded: (hash >> UInt64(60 - 4 * level)) & UInt64(fanout - 1))
    }

    /// Writes every row of `batch` to the bucket of its hash.
    /// - Parameter hashes: one ``EncodedKeys`` hash per row.
    /// - Throws: ``ExecutionError`` (`io`) when a file cannot be created or written.
    /// - Complexity: O(rows) plus the bytes written.
    func write(_ batch: RecordBatch, hashes: [UInt64]) throws {
        let n = batch.rowCount
        guard n > 0 else { return }
        var rows = [[Int32]](repeating: [], count: Self.fanout)
        for i in 0..<n { rows[Self.bucket(of: hashes[i], level: level)].append(Int32(i)) }
        var parts: [(Int, RecordBatch)] = []
        for (b, indices) in rows.enumerated() where !indices.isEmpty {
            parts.append((b, indices.count == n ? batch : Gather.batch(batch, indices)))
        }
        try write(parts)
    }

    /// Writes whole batches whose rows all belong to one bucket.
    func write(_ parts: [(bucket: Int, batch: RecordBatch)]) throws {
        try files.withLock { files in
            for (b, batch) in parts where batch.rowCount > 0 {
                let file: SpillFile
                if let existing = files[b] {
                    file = existing
                } else {
                    file = try SpillFile(directory: directory, schema: batch.schema, prefix: prefix)
                    files[b] = file
                    stats.add(files: 1)
                }
                guard file.schema.fields.map(\.type) == batch.schema.fields.map(\.type) else {
                    throw ExecutionError(.invalidData, "spilled batch types \(batch.schema.fields.map(\.type)) differ from the spill file's \(file.schema.fields.map(\.type)); this is a bug, please report it")
                }
                let before = file.bytesWritten
                try file.write(batch)
                stats.add(rows: batch.rowCount, bytes: file.bytesWritten - before)
            }
        }
    }

    /// Whether some row was written.
    var isEmpty: Bool { files.withLock { $0.allSatisfy { $0 == nil } } }

    /// Hands over the file of every bucket (`nil` for buckets without rows); the buckets are empty
    /// afterwards and the caller removes the files (releasing them is enough).
    func takeAll() -> [SpillFile?] {
        files.withLock { files in
            let taken = files
            files = Array(repeating: nil, count: Self.fanout)
            return taken
        }
    }

    /// Deletes every file not taken yet.
    func removeAll() {
        for file in takeAll() { file?.remove() }
    }
}

/// Rows, bytes and files one operator spilled, over every level; thread-safe.
final class SpillStats: Sendable {
    private let counts = Mutex((rows: 0, bytes: 0, files: 0))

    init() {}

    func add(rows: Int = 0, bytes: Int = 0, files: Int = 0) {
        counts.withLock {
            $0.rows += rows
            $0.bytes += bytes
            $0.files += files
        }
    }

    var rows: Int { counts.withLock { $0.rows } }
    var bytes: Int { counts.withLock { $0.bytes } }
    var files: Int { counts.withLock { $0.files } }

    /// The `spilled` metric: rows, bytes and bucket files, e.g. `120000 rows/3145728 bytes/16 buckets`.
    var metric: String {
        counts.withLock { "\($0.rows) rows/\($0.bytes) bytes/\($0.files) buckets" }
    }
}
