/// A forward-moving window of bytes over a ``RandomAccessSource``, refilled in chunks.
///
/// Only unconsumed bytes are kept: a refill first drops everything before ``position``, then reads
/// `max(chunkSize, bytes still buffered)` more, so a record longer than a chunk is read in doubling
/// steps (amortised O(record length)) and memory stays bounded by the longest record plus a chunk.
///
/// Kept identical in `LagoaCSV` and `LagoaJSON` (see `TextParsing`).
package struct ChunkedInput: Sendable {
    package let source: any RandomAccessSource
    /// Total bytes in the source.
    package let size: Int64
    package let chunkSize: Int
    /// Buffered bytes; `buffer[0]` is at file offset ``bufferOffset``.
    package private(set) var buffer: [UInt8] = []
    private(set) var bufferOffset: Int64
    /// Index in ``buffer`` of the first unconsumed byte.
    package var position = 0

    package init(source: any RandomAccessSource, size: Int64, chunkSize: Int, start: Int64 = 0) {
        self.source = source
        self.size = size
        self.chunkSize = max(chunkSize, 1)
        self.bufferOffset = start
    }

    /// Whether every byte of the source is in the buffer (or consumed).
    package var isAtEnd: Bool { bufferOffset + Int64(buffer.count) >= size }

    /// File offset of the first unconsumed byte.
    package var absolutePosition: Int64 { bufferOffset + Int64(position) }

    /// Number of buffered, unconsumed bytes.
    package var available: Int { buffer.count - position }

    /// Reads the next chunk after dropping consumed bytes; does nothing at the end of the source.
    /// - Throws: the source's error.
    package mutating func refill() async throws {
        guard !isAtEnd else { return }
        if position > 0 {
            buffer.removeSubrange(0..<position)
            bufferOffset += Int64(position)
            position = 0
        }
        let fileOffset = bufferOffset + Int64(buffer.count)
        let length = Int(min(Int64(max(chunkSize, buffer.count)), size - fileOffset))
        let bytes = try await source.read(offset: fileOffset, length: length)
        buffer.append(contentsOf: bytes)
    }

    /// Refills until at least `count` bytes are buffered or the source ends.
    package mutating func ensure(_ count: Int) async throws {
        while available < count && !isAtEnd {
            try await refill()
        }
    }

    /// Moves to file offset `offset`, reusing buffered bytes when they cover it.
    package mutating func seek(to offset: Int64) {
        if offset >= bufferOffset && offset <= bufferOffset + Int64(buffer.count) {
            position = Int(offset - bufferOffset)
        } else {
            buffer = []
            bufferOffset = offset
            position = 0
        }
    }
}
