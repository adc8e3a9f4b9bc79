/// The ``ObjectWriter`` of ``LocalFileSystemStore``: streams into a hidden temporary file beside the
/// target and renames it over the target on `close()`; `abort()` (or dropping the writer) removes it.
final class LocalObjectWriter: ObjectWriter {
    private let temporary: LocalTemporaryFile
    private var pending: [UInt8] = []
    private var finished = false
    private(set) var position: Int64 = 0
    private static let bufferLimit = 1 << 20

    init(temporary: LocalTemporaryFile) {
        self.temporary = temporary
    }

    func write(_ bytes: [UInt8]) async throws {
        precondition(!finished, "write after close() or abort() on an ObjectWriter")
        position += Int64(bytes.count)
        if pending.count + bytes.count > Self.bufferLimit {
            try flush()
            if bytes.count >= Self.bufferLimit {
                try temporary.write(bytes)
                return
            }
        }
        pending.append(contentsOf: bytes)
    }

    func close() async throws {
        precondition(!finished, "close() called twice on an ObjectWriter")
        finished = true
        do throws(ObjectStoreError) {
            try flush()
            try temporary.publishByRename()
        } catch {
            temporary.discard()
            throw error
        }
    }

    func abort() async {
        finished = true
        pending = []
        temporary.discard()
    }

    private func flush() throws(ObjectStoreError) {
        guard !pending.isEmpty else { return }
        try temporary.write(pending)
        pending.removeAll(keepingCapacity: true)
    }
}
