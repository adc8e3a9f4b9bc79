#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A ``ByteSink`` that writes a local file atomically: bytes go to a hidden temporary file beside
/// the target, which is fsynced and renamed over the target on ``close()``. A crash or an error
/// before `close()` leaves the target untouched (the temporary file is removed on deinit).
public final class LocalFileSink: ByteSink {
    public let path: String
    private let temporaryPath: String
    private var descriptor: Int32
    public private(set) var position: Int64 = 0
    private var pending: [UInt8] = []
    private static let bufferLimit = 1 << 20

    /// Creates the temporary file.
    /// - Throws: ``IOError`` when the folder does not exist or is not writable.
    public init(path: String) throws {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        self.temporaryPath = (folder.isEmpty ? "" : folder + "/") + ".\(base).\(suffix).tmp"
        let fd = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            throw IOError("cannot create '\(path)': \(String(cString: strerror(code)))", errno: code)
        }
        self.descriptor = fd
        pending.reserveCapacity(Self.bufferLimit)
    }

    deinit {
        if descriptor >= 0 {
            Glibc.close(descriptor)
            unlink(temporaryPath)
        }
    }

    public func write(_ bytes: [UInt8]) async throws {
        try bytes.withUnsafeBytes { try writeSync($0) }
    }

    /// Appends bytes synchronously (buffered).
    public func writeSync(_ bytes: UnsafeRawBufferPointer) throws {
        precondition(descriptor >= 0, "LocalFileSink.write called after close()")
        position += Int64(bytes.count)
        if pending.count + bytes.count > Self.bufferLimit {
            try flushPending()
            if bytes.count >= Self.bufferLimit {
                try writeFully(bytes)
                return
            }
        }
        pending.append(contentsOf: bytes)
    }

    public func close() async throws {
        try closeSync()
    }

    /// Flushes, fsyncs and renames the temporary file over the target.
    public func closeSync() throws {
        guard descriptor >= 0 else { return }
        try flushPending()
        if fsync(descriptor) != 0 {
            let code = errno
            throw IOError("fsync failed for '\(path)': \(String(cString: strerror(code)))", errno: code)
        }
        Glibc.close(descriptor)
        descriptor = -1
        if rename(temporaryPath, path) != 0 {
            let code = errno
            unlink(temporaryPath)
            throw IOError("cannot rename into '\(path)': \(String(cString: strerror(code)))", errno: code)
        }
    }

    private func flushPending() throws {
        guard !pending.isEmpty else { return }
        try pending.withUnsafeBytes { try writeFully($0) }
        pending.removeAll(keepingCapacity: true)
    }

    private func writeFully(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                throw IOError("write failed for '\(path)': \(String(cString: strerror(code)))", errno: code)
            }
            done += n
        }
    }
}
