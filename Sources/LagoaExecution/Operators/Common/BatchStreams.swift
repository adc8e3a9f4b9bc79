public import LagoaColumnar

/// A stream over batches already in memory.
public final class ArrayBatchStream: BatchStream {
    private var batches: [RecordBatch]
    private var position = 0

    public init(_ batches: [RecordBatch]) { self.batches = batches }

    public func next() async throws -> RecordBatch? {
        guard position < batches.count else { return nil }
        defer {
            batches[position] = RecordBatch(schema: Schema([]), columns: [], rowCount: 0)
            position += 1
        }
        return batches[position]
    }
}

/// A stream whose batches come from a closure; `nil` ends it.
public final class ClosureBatchStream: BatchStream {
    private let body: () async throws -> RecordBatch?

    public init(_ body: @escaping () async throws -> RecordBatch?) { self.body = body }

    public func next() async throws -> RecordBatch? { try await body() }
}

/// A stream that first runs an async setup once (collect a build side, aggregate the input) and
/// then serves the batches it produced.
public final class DeferredBatchStream: BatchStream {
    private var produce: (() async throws -> [RecordBatch])?
    private var output: ArrayBatchStream?

    public init(_ produce: @escaping () async throws -> [RecordBatch]) { self.produce = produce }

    public func next() async throws -> RecordBatch? {
        if let produce {
            self.produce = nil
            output = ArrayBatchStream(try await produce())
        }
        return try await output?.next()
    }
}

/// A stream that makes the stream it serves on the first ``next()`` (an operator that decides
/// between in-memory and spilled output only once its input is consumed).
final class LazyBatchStream: BatchStream {
    private var make: (() async throws -> any BatchStream)?
    private var stream: (any BatchStream)?

    init(_ make: @escaping () async throws -> any BatchStream) { self.make = make }

    func next() async throws -> RecordBatch? {
        if let make {
            self.make = nil
            stream = try await make()
        }
        return try await stream?.next()
    }
}
