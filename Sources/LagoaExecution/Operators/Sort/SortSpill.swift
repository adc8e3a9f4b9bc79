import LagoaColumnar
import Synchronization

/// The sorted runs a ``SortExec`` spilled to disk, and their k-way merge back into sorted batches.
/// Files are deleted once merged (or when the sort fails).
final class SortSpill: Sendable {
    private let sort: SortExec
    private let context: TaskContext
    private let runs = Mutex<[SpillFile]>([])

    init(sort: SortExec, context: TaskContext) {
        self.sort = sort
        self.context = context
    }

    var hasRuns: Bool { runs.withLock { !$0.isEmpty } }

    /// Writes one sorted run, split into batches of the context's batch size.
    func write(_ run: RecordBatch) throws {
        guard run.rowCount > 0 else { return }
        let file = try SpillFile(directory: context.spillDirectory, schema: run.schema, prefix: "lagoa-sort")
        for part in PartitionGather.split(run, size: context.batchSize) { try file.write(part) }
        runs.withLock { $0.append(file) }
        sort.metrics.set("spilled runs", String(runs.withLock { $0.count }))
        let bytes = runs.withLock { $0.reduce(0) { $0 + $1.bytesWritten } }
        sort.metrics.set("spilled bytes", String(bytes))
    }

    /// Merges every run and `lastRun` (sorted, in memory) into sorted batches.
    func merge(lastRun: RecordBatch, fetch: Int?) async throws -> [RecordBatch] {
        let files = runs.withLock { $0 }
        defer { for f in files { f.remove() } }
        var cursors: [Cursor] = []
        for f in files { cursors.append(try Cursor(reader: f.makeReader(), memory: nil, sort: sort)) }
        if lastRun.rowCount > 0 { cursors.append(try Cursor(reader: nil, memory: PartitionGather.split(lastRun, size: context.batchSize), sort: sort)) }
        let limit = fetch ?? Int.max
        var out: [RecordBatch] = []
        var produced = 0
        // Output rows as (cursor batch, row) pairs, gathered per output batch.
        var pickedBatches: [RecordBatch] = []
        var picked: [(Int, Int)] = []
        var current: [Int] = cursors.map { _ in -1 }
        func flush() {
            guard !picked.isEmpty else { return }
            let whole = PartitionGather.concatenate(pickedBatches, schema: lastRun.schema)
            var starts: [Int] = []
            var at = 0
            for b in pickedBatches {
                starts.append(at)
                at += b.rowCount
            }
            out.append(whole.take(picked.map { starts[$0.0] + $0.1 }))
            picked.removeAll(keepingCapacity: true)
            pickedBatches = []
            current = cursors.map { _ in -1 }
        }
        while produced < limit {
            try context.checkCancelled()
            var best = -1
            for (c, cursor) in cursors.enumerated() where cursor.batch != nil {
                if best < 0 || cursor.less(than: cursors[best]) { best = c }
            }
            guard best >= 0 else { break }
            let cursor = cursors[best]
            if current[best] < 0 {
                current[best] = pickedBatches.count
                pickedBatches.append(cursor.batch!)
            }
            picked.append((current[best], cursor.row))
            produced += 1
            if try cursor.advance() { current[best] = -1 }
            if picked.count >= context.batchSize { flush() }
        }
        flush()
        return out
    }

    /// The read position in one run.
    final class Cursor {
        private let reader: SpillFile.Reader?
        private var memory: [RecordBatch]
        private let sort: SortExec
        var batch: RecordBatch?
        var keys: [SortKeyColumn] = []
        var row = 0

        init(reader: SpillFile.Reader?, memory: [RecordBatch]?, sort: SortExec) throws {
            self.reader = reader
            self.memory = (memory ?? []).reversed()
            self.sort = sort
            try load()
        }

        private func load() throws {
            batch = reader != nil ? try reader!.next() : memory.popLast()
            row = 0
            if let batch { keys = try sort.encodeKeys(batch, compact: false) }
        }

        /// Moves to the next row; returns `true` when that loaded a new batch.
        func advance() throws -> Bool {
            row += 1
            guard let batch, row >= batch.rowCount else { return false }
            try load()
            return true
        }

        func less(than other: Cursor) -> Bool {
            for k in keys.indices {
                let c = SortKeyColumn.compare(keys[k], row, other.keys[k], other.row)
                if c != 0 { return c < 0 }
            }
            return false
        }
    }
}
