import LagoaCore

/// Turns JSON lines written into it into one JSON array (`[{…},\n{…}]`) on the wrapped sink.
final class JSONArraySink: ByteSink {
    private let inner: any ByteSink
    private var atLineStart = true
    private var first = true
    private(set) var position: Int64 = 0

    init(_ inner: any ByteSink) {
        self.inner = inner
    }

    func write(_ bytes: [UInt8]) async throws {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 4)
        for byte in bytes {
            if atLineStart {
                out.append(contentsOf: first ? [0x5B] : [0x2C, 0x0A])
                first = false
                atLineStart = false
            }
            if byte == 0x0A {
                atLineStart = true
            } else {
                out.append(byte)
            }
        }
        position += Int64(out.count)
        try await inner.write(out)
    }

    func close() async throws {
        try await inner.write(first ? Array("[]\n".utf8) : Array("]\n".utf8))
        try await inner.close()
    }
}
