/// Computes a value once for many concurrent callers (the build side of a join shared by every
/// probe partition): the first caller runs `make`, the others wait for its result.
public actor OnceCell<Value: Sendable> {
    private enum State {
        case idle
        case running([CheckedContinuation<Value, any Error>])
        case done(Result<Value, any Error>)
    }

    private var state = State.idle

    public init() {}

    /// The value, computing it with `make` when this is the first call.
    public func get(_ make: @Sendable () async throws -> Value) async throws -> Value {
        switch state {
        case .done(let result):
            return try result.get()
        case .running:
            return try await withCheckedThrowingContinuation { continuation in
                if case .running(var waiters) = state {
                    waiters.append(continuation)
                    state = .running(waiters)
                } else if case .done(let result) = state {
                    continuation.resume(with: result)
                }
            }
        case .idle:
            state = .running([])
            let result: Result<Value, any Error>
            do {
                result = .success(try await make())
            } catch {
                result = .failure(error)
            }
            if case .running(let waiters) = state {
                for waiter in waiters { waiter.resume(with: result) }
            }
            state = .done(result)
            return try result.get()
        }
    }
}
