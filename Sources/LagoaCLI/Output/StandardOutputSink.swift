import LagoaCore

#if canImport(Glibc)
import Glibc
#endif

/// A ``ByteSink`` writing to standard output (for `lagoa table scan` without --output).
final class StandardOutputSink: ByteSink {
    private(set) var position: Int64 = 0
    private var buffer: [UInt8] = []

    func write(_ bytes: [UInt8]) async throws {
        buffer.append(contentsOf: bytes)
        position += Int64(bytes.count)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func close() async throws {
        try flush()
    }

    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let n = buffer[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw IOError("cannot write to standard output", errno: errno)
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
