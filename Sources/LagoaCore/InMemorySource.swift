/// A ``RandomAccessSource`` over bytes held in memory; used by tests and by writers that read back.
public struct InMemorySource: RandomAccessSource {
    public let name: String
    public let bytes: [UInt8]

    public init(name: String = "<memory>", bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    public func size() async throws -> Int64 { Int64(bytes.count) }

    public func read(offset: Int64, length: Int) async throws -> [UInt8] {
        guard offset >= 0, length >= 0, offset + Int64(length) <= Int64(bytes.count) else {
            throw IOError("read of \(length) bytes at offset \(offset) is past the end of '\(name)' (\(bytes.count) bytes)")
        }
        return Array(bytes[Int(offset)..<Int(offset) + length])
    }
}
