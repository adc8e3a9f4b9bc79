public import LagoaFunctions
import Synchronization

/// What every operator of one query shares: settings, the memory pool, cancellation.
public final class TaskContext: Sendable {
    /// Target rows per batch produced by operators that build batches.
    public let batchSize: Int
    /// Worker tasks to use for parallel phases (the number of cores by default).
    public let threads: Int
    public let memory: MemoryPool
    /// Folder for spill files.
    public let spillDirectory: String
    public let functions: FunctionRegistry
    private let cancelled = Atomic<Bool>(false)

    public init(batchSize: Int = 8192, threads: Int, memoryLimit: Int? = nil, spillDirectory: String = "/tmp", functions: FunctionRegistry = .builtins) {
        self.batchSize = batchSize
        self.threads = max(1, threads)
        self.memory = MemoryPool(limit: memoryLimit)
        self.spillDirectory = spillDirectory
        self.functions = functions
    }

    /// Asks every operator to stop; they throw ``ExecutionError/Code/cancelled`` at the next batch.
    public func cancel() { cancelled.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// Throws when the query was cancelled (call once per batch in loops).
    public func checkCancelled() throws {
        if isCancelled { throw ExecutionError(.cancelled, "query cancelled") }
    }
}
