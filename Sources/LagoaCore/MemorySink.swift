/// A ``ByteSink`` that collects bytes in memory; used by tests and small outputs.
public final class MemorySink: ByteSink {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []
    public private(set) var isClosed = false

    public init() {}

    public var position: Int64 { Int64(bytes.count) }

    public func write(_ buffer: [UInt8]) async throws {
        precondition(!isClosed, "MemorySink.write called after close()")
        bytes.append(contentsOf: buffer)
    }

    public func close() async throws {
        isClosed = true
    }
}
