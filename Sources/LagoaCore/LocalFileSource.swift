#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A ``RandomAccessSource`` over a local file, read with `pread` so concurrent reads never share a
/// file position.
public final class LocalFileSource: RandomAccessSource {
    public let name: String
    private let descriptor: Int32
    private let fileSize: Int64

    /// Opens `path` for reading.
    /// - Throws: ``IOError`` naming the path when it cannot be opened or is not a regular file.
    public init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            throw IOError("cannot open '\(path)': \(String(cString: strerror(code)))", errno: code)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw IOError("cannot stat '\(path)': \(String(cString: strerror(code)))", errno: code)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw IOError("'\(path)' is not a regular file")
        }
        self.name = path
        self.descriptor = fd
        self.fileSize = Int64(info.st_size)
    }

    deinit {
        close(descriptor)
    }

    public func size() async throws -> Int64 { fileSize }

    public func read(offset: Int64, length: Int) async throws -> [UInt8] {
        try readSync(offset: offset, length: length)
    }

    /// Reads synchronously; the async requirement simply forwards here.
    /// - Complexity: O(`length`).
    public func readSync(offset: Int64, length: Int) throws -> [UInt8] {
        guard offset >= 0, length >= 0, offset + Int64(length) <= fileSize else {
            throw IOError("read of \(length) bytes at offset \(offset) is past the end of '\(name)' (\(fileSize) bytes)")
        }
        if length == 0 { return [] }
        return try [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
            var done = 0
            while done < length {
                let n = pread(descriptor, buffer.baseAddress! + done, length - done, off_t(offset) + off_t(done))
                if n < 0 {
                    if errno == EINTR { continue }
                    let code = errno
                    throw IOError("read failed on '\(name)': \(String(cString: strerror(code)))", errno: code)
                }
                if n == 0 {
                    throw IOError("unexpected end of '\(name)' at offset \(offset + Int64(done))")
                }
                done += n
            }
            initialized = length
        }
    }
}
