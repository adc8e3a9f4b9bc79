/// An ``ObjectWriter`` that collects the bytes in memory and publishes them with one call on
/// `close()`: the right writer for stores whose `put` is already atomic and objects that fit in
/// memory (manifests, metadata, the in-memory store).
public final class BufferedObjectWriter: ObjectWriter {
    private var buffer: [UInt8] = []
    private var written: Int64 = 0
    private var finished = false
    private let publish: @Sendable ([UInt8]) async throws(ObjectStoreError) -> Void

    public init(publish: @escaping @Sendable ([UInt8]) async throws(ObjectStoreError) -> Void) {
        self.publish = publish
    }

    public var position: Int64 { written }

    public func write(_ bytes: [UInt8]) async throws {
        precondition(!finished, "write after close() or abort() on an ObjectWriter")
        buffer.append(contentsOf: bytes)
        written += Int64(bytes.count)
    }

    public func close() async throws {
        precondition(!finished, "close() called twice on an ObjectWriter")
        finished = true
        try await publish(buffer)
        buffer = []
    }

    public func abort() async {
        finished = true
        buffer = []
    }
}
