import Dispatch
import LagoaIngest
import Synchronization

/// Runs async reader code from a source thread and waits for it (the file readers are async; the
/// source protocol is blocking because it runs on threads of its own).
enum AsyncBridge {
    static func wait<T: Sendable>(_ work: @escaping @Sendable () async throws(IngestError) -> T) throws(IngestError) -> T {
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<Result<T, IngestError>?>(nil)
        Task {
            let outcome: Result<T, IngestError>
            do throws(IngestError) {
                outcome = .success(try await work())
            } catch {
                outcome = .failure(error)
            }
            result.withLock { $0 = outcome }
            done.signal()
        }
        done.wait()
        return try result.withLock { $0! }.get()
    }
}
