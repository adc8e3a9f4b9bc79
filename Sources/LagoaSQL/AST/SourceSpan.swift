/// A range of UTF-8 byte offsets `[start, end)` into the SQL text a node was parsed from.
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
    /// Offset of the first byte.
    public var start: Int
    /// Offset one past the last byte.
    public var end: Int

    /// Creates a span covering `[start, end)`.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The span of nodes built in code rather than parsed from text.
    public static let synthesized = SourceSpan(start: 0, end: 0)

    /// The byte range, for slicing the UTF-8 view of the text.
    public var range: Range<Int> { start..<max(start, end) }

    /// The smallest span covering both spans.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: min(start, other.start), end: max(end, other.end))
    }

    /// The 1-based line and column (counted in characters) of ``start`` within `text`.
    /// - Complexity: O(start).
    public func location(in text: String) -> SourceLocation {
        SourceLocation(offset: start, in: text)
    }

    public var description: String { "\(start)..<\(end)" }
}

/// A 1-based line and column in SQL text; columns count Unicode scalars, so a caret lines up.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in Unicode scalars from the start of the line.
    public var column: Int

    /// Creates a location from explicit line and column numbers.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Maps a UTF-8 byte offset in `text` to its line and column (offsets past the end clamp to it).
    /// - Complexity: O(offset).
    public init(offset: Int, in text: String) {
        var line = 1
        var column = 1
        var index = 0
        for byte in text.utf8 {
            if index >= offset { break }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}
