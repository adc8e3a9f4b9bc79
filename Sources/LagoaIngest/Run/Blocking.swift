import Foundation

/// Runs blocking source calls (connect, describe) on a thread of their own, off Swift's
/// cooperative pool.
enum Blocking {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws(IngestError) -> T) async throws(IngestError) -> T {
        let result: Result<T, IngestError> = await withCheckedContinuation { continuation in
            let thread = Thread {
                do throws(IngestError) {
                    continuation.resume(returning: .success(try work()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
            thread.name = "lagoa-ingest-source"
            thread.start()
        }
        return try result.get()
    }
}
