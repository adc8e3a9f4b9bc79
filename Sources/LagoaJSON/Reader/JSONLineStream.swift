import LagoaCore

/// The non-blank lines of a JSON-lines source, one at a time, each parsed onto a tape and checked
/// to be an object. Syntax faults become ``JSONError``s naming the line and byte column.
struct JSONLineStream: Sendable {
    private(set) var input: ChunkedInput
    private var parser: JSONParser
    /// The source's name, for messages.
    let name: String
    /// The 1-based number of the current line.
    private(set) var line = 0
    private var lineStart = 0
    private var lineEnd = 0
    /// Bytes after `input.position` already searched for a newline.
    private var scanned = 0

    init(input: ChunkedInput, maxDepth: Int) {
        self.input = input
        self.parser = JSONParser(maxDepth: maxDepth)
        self.name = input.source.name
    }

    /// Skips a UTF-8 byte-order mark at the current position.
    mutating func skipByteOrderMark() async throws(JSONError) {
        do {
            try await input.ensure(3)
        } catch {
            throw JSONError.io(error, name)
        }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if input.available >= 3, input.buffer[input.position..<(input.position + 3)].elementsEqual(bom) {
            input.position += 3
        }
    }

    /// The file offset of the next line.
    var offset: Int64 { input.absolutePosition }

    /// Moves back to file offset `offset`, the start of the line after `line`.
    mutating func rewind(to offset: Int64, line: Int) {
        input.seek(to: offset)
        self.line = line
        self.scanned = 0
    }

    /// The result of ``nextBuffered()``.
    enum Step {
        /// The next line was parsed.
        case line
        /// The line runs past the buffered bytes; call ``refill()`` and try again.
        case needsInput
        /// No lines are left.
        case end
    }

    /// Moves to the next non-blank line and parses it, if it is entirely buffered; never reads.
    /// - Throws: ``JSONError`` for invalid JSON or a line that is not an object.
    mutating func nextBuffered() throws(JSONError) -> Step {
        while true {
            let from = input.position + scanned
            let newline = input.buffer.withUnsafeBufferPointer { bytes -> Int? in
                var k = from
                while k < bytes.count {
                    if bytes[k] == 0x0A { return k }
                    k += 1
                }
                return nil
            }
            let end: Int
            if let newline {
                end = newline
            } else if input.isAtEnd {
                guard input.available > 0 else { return .end }
                end = input.buffer.count
            } else {
                scanned = input.available
                return .needsInput
            }
            scanned = 0
            line += 1
            let start = input.position
            input.position = newline.map { $0 + 1 } ?? end
            if try parseLine(start, end) {
                lineStart = start
                lineEnd = end
                return .line
            }
        }
    }

    /// Reads the next chunk of input.
    mutating func refill() async throws(JSONError) {
        do {
            try await input.refill()
        } catch {
            throw JSONError.io(error, name)
        }
    }

    /// Moves to the next non-blank line and parses it, reading as needed.
    /// - Returns: `false` at the end of the input.
    /// - Throws: ``JSONError`` for invalid JSON, a line that is not an object, or I/O failure.
    mutating func advance() async throws(JSONError) -> Bool {
        while true {
            switch try nextBuffered() {
            case .line: return true
            case .end: return false
            case .needsInput: try await refill()
            }
        }
    }

    /// Parses `buffer[start..<end]`; `false` for a blank line.
    private mutating func parseLine(_ start: Int, _ end: Int) throws(JSONError) -> Bool {
        try input.buffer.withUnsafeBufferPointer { (buffer) throws(JSONError) -> Bool in
            let bytes = UnsafeBufferPointer(rebasing: buffer[start..<end])
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return false }
            do throws(JSONParser.Fault) {
                try parser.parse(bytes)
            } catch {
                let code: JSONError.Code = error.isDepthLimit ? .resourceLimit : .syntax
                throw JSONError(code, "'\(name)' line \(line), column \(error.offset + 1): \(error.message)")
            }
            guard parser.tape.tokens[0].kind == .object else {
                let found = parser.tape.withView(input: bytes) { $0.describe(0) }
                let column = (bytes.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? 0) + 1
                throw JSONError(.syntax, "'\(name)' line \(line), column \(column): each line must be a JSON object, found \(found)")
            }
            return true
        }
    }

    /// Calls `body` with the current line's tape; token 0 is the line's object.
    func withLine<R, E: Error>(_ body: (JSONTapeView) throws(E) -> R) throws(E) -> R {
        try input.buffer.withUnsafeBufferPointer { (buffer) throws(E) -> R in
            try parser.tape.withView(input: UnsafeBufferPointer(rebasing: buffer[lineStart..<lineEnd]), body)
        }
    }
}
