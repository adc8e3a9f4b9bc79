import LagoaObjectStore

/// The ``ObjectWriter`` of ``S3ObjectStore``: a multipart upload whose parts are sent in parallel
/// (at most ``S3Configuration/partConcurrency`` at once) as they fill.
///
/// Nothing is sent until the first part is full, so an object smaller than one part goes up as a
/// single `PUT` on `close()`. Any failure, and `abort()`, sends `AbortMultipartUpload`, so no
/// object and no pending upload is left behind. Part uploads run as child tasks of no scope (the
/// writer's calls return between parts), so the writer keeps their handles and always awaits or
/// cancels them.
final class S3MultipartWriter: ObjectWriter {
    private let store: S3ObjectStore
    private let path: ObjectPath
    private let partSize: Int
    private let concurrency: Int
    private var buffer: [UInt8] = []
    private var uploadID: String?
    private var nextPartNumber = 1
    private var inFlight: [(number: Int, task: Task<String, any Error>)] = []
    private var completed: [(number: Int, eTag: String)] = []
    private var finished = false
    private var failure: ObjectStoreError?
    private(set) var position: Int64 = 0

    init(store: S3ObjectStore, path: ObjectPath) {
        self.store = store
        self.path = path
        self.partSize = store.configuration.partSize
        self.concurrency = store.configuration.partConcurrency
    }

    deinit {
        // Dropped without close() or abort(): stop the parts and abort the upload in the background.
        guard !finished else { return }
        for part in inFlight { part.task.cancel() }
        if let uploadID {
            let store = store
            let path = path
            Task { try? await store.abortMultipartUpload(path, uploadID: uploadID) }
        }
    }

    func write(_ bytes: [UInt8]) async throws {
        precondition(!finished, "write after close() or abort() on an ObjectWriter")
        if let failure { throw failure }
        buffer.append(contentsOf: bytes)
        position += Int64(bytes.count)
        while buffer.count >= partSize {
            let part = Array(buffer[0..<partSize])
            buffer.removeFirst(partSize)
            try await failingUpload { () async throws(ObjectStoreError) in try await self.send(part) }
        }
    }

    func close() async throws {
        precondition(!finished, "close() called twice on an ObjectWriter")
        if let failure {
            finished = true
            throw failure
        }
        guard let uploadID else {
            finished = true
            try await store.put(path, buffer)
            buffer = []
            return
        }
        try await failingUpload { () async throws(ObjectStoreError) in
            if !self.buffer.isEmpty {
                let last = self.buffer
                self.buffer = []
                try await self.send(last)
            }
            while !self.inFlight.isEmpty { try await self.awaitOldest() }
            try await self.store.completeMultipartUpload(self.path, uploadID: uploadID, parts: self.completed)
        }
        finished = true
    }

    func abort() async {
        guard !finished else { return }
        finished = true
        buffer = []
        await cancelAndAbort()
    }

    /// Runs `body`; on failure aborts the upload, remembers the error and rethrows it.
    private func failingUpload(_ body: () async throws(ObjectStoreError) -> Void) async throws(ObjectStoreError) {
        do {
            try await body()
        } catch {
            failure = error
            finished = true
            await cancelAndAbort()
            throw error
        }
    }

    /// Starts uploading `part` (creating the upload first), after waiting for a free slot.
    private func send(_ part: [UInt8]) async throws(ObjectStoreError) {
        if uploadID == nil {
            uploadID = try await store.createMultipartUpload(path)
        }
        while inFlight.count >= concurrency { try await awaitOldest() }
        let number = nextPartNumber
        nextPartNumber += 1
        let store = store
        let path = path
        let id = uploadID!
        inFlight.append((number, Task { try await store.uploadPart(path, uploadID: id, number: number, bytes: part) }))
    }

    private func awaitOldest() async throws(ObjectStoreError) {
        let oldest = inFlight.removeFirst()
        do {
            completed.append((oldest.number, try await oldest.task.value))
        } catch let error as ObjectStoreError {
            throw error
        } catch {
            throw ObjectStoreError(.io, "\(store.name(path)): part \(oldest.number) failed: \(error)", cause: error)
        }
    }

    private func cancelAndAbort() async {
        for part in inFlight { part.task.cancel() }
        for part in inFlight { _ = try? await part.task.value }
        inFlight = []
        if let uploadID {
            try? await store.abortMultipartUpload(path, uploadID: uploadID)
        }
    }
}
