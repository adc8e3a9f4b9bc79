#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The blocking POSIX calls behind ``LocalFileSystemStore``, each turning `errno` into an
/// ``ObjectStoreError`` whose message names the object and the failed operation.
enum POSIX {
    /// The error for `errno` value `code` while doing `action` on `name` (a `file://` URL).
    static func error(_ code: Int32, _ action: String, _ name: String) -> ObjectStoreError {
        let reason = String(cString: strerror(code))
        switch code {
        case ENOENT, ENOTDIR:
            return ObjectStoreError(.notFound, "\(name) does not exist")
        case EACCES, EPERM:
            return ObjectStoreError(
                .permissionDenied,
                "\(name): permission denied while trying to \(action) (\(reason)); check the folder's owner and mode"
            )
        case ENOSPC, EDQUOT:
            return ObjectStoreError(.io, "\(name): cannot \(action): \(reason); free some disk space")
        default:
            return ObjectStoreError(.io, "\(name): cannot \(action): \(reason)")
        }
    }

    /// A new hidden temporary file name beside `finalName`: `.<name>.lagoa-tmp-<random>`.
    static func temporaryName(for finalName: Substring) -> String {
        ".\(finalName).lagoa-tmp-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }

    /// Creates folder `path` and its missing parents (`mkdir -p`); existing folders are fine.
    static func makeDirectories(_ path: String, name: String) throws(ObjectStoreError) {
        if mkdir(path, 0o755) == 0 { return }
        let code = errno
        switch code {
        case EEXIST:
            var info = stat()
            if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return }
            throw ObjectStoreError(
                .invalidPath,
                "\(name): cannot create folder '\(path)' because a file of that name exists"
            )
        case ENOENT, ENOTDIR:
            guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else {
                throw error(code, "create folder '\(path)'", name)
            }
            try makeDirectories(String(path[..<slash]), name: name)
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
            throw error(errno, "create folder '\(path)'", name)
        default:
            throw error(code, "create folder '\(path)'", name)
        }
    }

    /// Writes all of `bytes` to `descriptor`, retrying short writes and `EINTR`.
    static func writeFully(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, name: String) throws(ObjectStoreError) {
        var done = 0
        while done < bytes.count {
            let n = write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw error(errno, "write", name)
            }
            done += n
        }
    }

    /// Reads exactly `length` bytes at `offset` with `pread`.
    static func readFully(_ descriptor: Int32, offset: Int64, length: Int, name: String) throws(ObjectStoreError) -> [UInt8] {
        if length == 0 { return [] }
        var failure: ObjectStoreError?
        let bytes = [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
            var done = 0
            while done < length {
                let n = pread(descriptor, buffer.baseAddress! + done, length - done, off_t(offset) + off_t(done))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = error(errno, "read", name)
                    break
                }
                if n == 0 {
                    failure = ObjectStoreError(
                        .io,
                        "\(name): the file ended at byte \(offset + Int64(done)) while reading \(length) bytes at \(offset); was it truncated concurrently?"
                    )
                    break
                }
                done += n
            }
            // Zero the rest so the buffer is fully initialized even on failure.
            if done < length { buffer.baseAddress!.advanced(by: done).initialize(repeating: 0, count: length - done) }
            initialized = length
        }
        if let failure { throw failure }
        return bytes
    }

    /// Makes a rename or link inside `folder` durable by fsyncing the folder.
    static func syncDirectory(_ folder: String, name: String) throws(ObjectStoreError) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw error(errno, "open folder '\(folder)' for fsync", name) }
        defer { close(fd) }
        if fsync(fd) != 0, errno != EINVAL {
            throw error(errno, "fsync folder '\(folder)'", name)
        }
    }

    /// `stat` of `path`, or the errno on failure.
    static func status(_ path: String) -> Result<stat, Errno> {
        var info = stat()
        if stat(path, &info) == 0 { return .success(info) }
        return .failure(Errno(code: errno))
    }

    /// Modification time in milliseconds since the epoch.
    static func modifiedMillis(_ info: stat) -> Int64 {
        let time = modificationTime(info)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }

    private static func modificationTime(_ info: stat) -> timespec {
        #if canImport(Darwin)
        info.st_mtimespec
        #else
        info.st_mtim
        #endif
    }

    /// A version tag from size and nanosecond modification time: changes whenever the file is replaced.
    static func eTag(_ info: stat) -> String {
        let time = modificationTime(info)
        let nanos = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
        return String(UInt64(bitPattern: nanos), radix: 16) + "-" + String(info.st_size, radix: 16) + "-"
            + String(UInt64(info.st_ino), radix: 16)
    }

    /// A boxed `errno` value.
    struct Errno: Error {
        var code: Int32
    }
}
