import Dispatch
import Foundation
public import LagoaColumnar
import Synchronization

/// Reads a ``SourceCursor`` on a thread of its own and hands the batches to async code, at most
/// `capacity` batches ahead of the consumer (memory stays bounded however large the table is).
///
/// Blocking source calls never run on Swift's cooperative pool, so several tables can be read at
/// once on two cores. Each batch passes through `transform` on the reading thread (adding the SOR
/// columns, tracking the cursor's maximum), which overlaps that work with the writer.
public final class BatchPump: AsyncSequence, Sendable {
    public typealias Element = RecordBatch

    private struct State {
        var queue: [RecordBatch] = []
        var finished = false
        var failure: IngestError?
        var waiter: CheckedContinuation<RecordBatch?, any Error>?
        var cancelled = false
    }

    private let state = Mutex(State())
    private let space: DispatchSemaphore
    private let cursor: CursorBox

    /// Starts reading at once.
    /// - Parameters:
    ///   - cursor: the open cursor; the pump closes it when done, failed or cancelled.
    ///   - capacity: batches read ahead of the consumer.
    ///   - transform: applied to each batch on the reading thread; an error stops the read.
    public init(
        cursor: any SourceCursor,
        capacity: Int = 2,
        transform: @escaping @Sendable (RecordBatch) throws(IngestError) -> RecordBatch
    ) {
        self.cursor = CursorBox(cursor)
        self.space = DispatchSemaphore(value: Swift.max(1, capacity))
        let thread = Thread { [self] in self.read(transform) }
        thread.name = "lagoa-ingest-read"
        thread.stackSize = 4 << 20
        thread.start()
    }

    /// The source's error, when reading failed (the writer only sees it wrapped).
    public var failure: IngestError? { state.withLock { $0.failure } }

    /// Stops reading: closes the cursor (interrupting a blocked read) and lets the thread end.
    public func cancel() {
        let waiter = state.withLock { s -> CheckedContinuation<RecordBatch?, any Error>? in
            s.cancelled = true
            defer { s.waiter = nil }
            return s.waiter
        }
        cursor.cursor.close()
        space.signal()
        waiter?.resume(throwing: IngestError(.cancelled, "the read was cancelled"))
    }

    private func read(_ transform: @Sendable (RecordBatch) throws(IngestError) -> RecordBatch) {
        defer { cursor.cursor.close() }
        while true {
            space.wait()
            if state.withLock({ $0.cancelled }) { return }
            let outcome: Result<RecordBatch?, IngestError>
            do {
                if let batch = try cursor.cursor.next() {
                    outcome = .success(try transform(batch))
                } else {
                    outcome = .success(nil)
                }
            } catch {
                outcome = .failure(error)
            }
            let (waiter, delivery): (CheckedContinuation<RecordBatch?, any Error>?, Result<RecordBatch?, any Error>?) = state.withLock { s in
                if s.cancelled { return (nil, nil) }
                switch outcome {
                case .success(let batch?):
                    if let w = s.waiter {
                        s.waiter = nil
                        return (w, .success(batch))
                    }
                    s.queue.append(batch)
                    return (nil, nil)
                case .success(nil):
                    s.finished = true
                case .failure(let error):
                    s.finished = true
                    s.failure = error
                }
                guard let w = s.waiter else { return (nil, nil) }
                s.waiter = nil
                return (w, s.failure.map { .failure($0) } ?? .success(nil))
            }
            if let waiter, let delivery {
                if case .success(.some) = delivery { space.signal() }
                waiter.resume(with: delivery)
            }
            if case .success(.some) = outcome { continue }
            return
        }
    }

    fileprivate func next() async throws -> RecordBatch? {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<RecordBatch?, any Error>) in
            let ready: Result<RecordBatch?, any Error>? = state.withLock { s in
                if !s.queue.isEmpty { return .success(s.queue.removeFirst()) }
                if s.cancelled { return .failure(IngestError(.cancelled, "the read was cancelled")) }
                if s.finished { return s.failure.map { .failure($0) } ?? .success(nil) }
                s.waiter = continuation
                return nil
            }
            guard let ready else { return }
            if case .success(.some) = ready { space.signal() }
            continuation.resume(with: ready)
        }
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let pump: BatchPump
        public mutating func next() async throws -> RecordBatch? { try await pump.next() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(pump: self) }
}

/// The cursor, used by the reading thread and closed (once) from the cancelling one.
private final class CursorBox: @unchecked Sendable {
    let cursor: any SourceCursor
    init(_ cursor: any SourceCursor) { self.cursor = cursor }
}
