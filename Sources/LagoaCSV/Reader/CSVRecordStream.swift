import LagoaCore

/// Records of a CSV source, one at a time, with line numbers: the tokenizer driven over a
/// ``ChunkedInput`` that it refills as needed. Syntax faults become ``CSVError``s naming the line.
struct CSVRecordStream: Sendable {
    private(set) var input: ChunkedInput
    private(set) var tokenizer: CSVTokenizer
    /// The source's name, for messages.
    let name: String
    /// The line on which the current record starts (1-based).
    private(set) var line = 1
    private var nextLine = 1

    init(input: ChunkedInput, dialect: CSVDialect) {
        self.input = input
        self.tokenizer = CSVTokenizer(dialect: dialect)
        self.name = input.source.name
    }

    /// Skips a UTF-8 byte-order mark at the current position.
    mutating func skipByteOrderMark() async throws(CSVError) {
        do {
            try await input.ensure(3)
        } catch {
            throw CSVError.io(error, name)
        }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if input.available >= 3, input.buffer[input.position..<(input.position + 3)].elementsEqual(bom) {
            input.position += 3
        }
    }

    /// The result of ``nextBuffered()``.
    enum Step {
        /// The next record was parsed.
        case record
        /// The record runs past the buffered bytes; call ``refill()`` and try again.
        case needsInput
        /// No records are left.
        case end
    }

    /// Moves to the next record if it is entirely buffered; never reads.
    /// - Throws: ``CSVError`` for an unclosed quote or text after a closing quote.
    mutating func nextBuffered() throws(CSVError) -> Step {
        let outcome: CSVTokenizer.Outcome
        do {
            outcome = try tokenizer.parseRecord(in: input)
        } catch {
            throw syntaxError(error)
        }
        switch outcome {
        case .record(let end, let lineBreaks):
            input.position = end
            line = nextLine
            nextLine += lineBreaks
            return .record
        case .endOfInput:
            return .end
        case .incomplete:
            return .needsInput
        }
    }

    /// Reads the next chunk of input.
    mutating func refill() async throws(CSVError) {
        do {
            try await input.refill()
        } catch {
            throw CSVError.io(error, name)
        }
    }

    /// Moves to the next record, reading as needed.
    /// - Returns: `false` at the end of the input.
    /// - Throws: ``CSVError`` for an unclosed quote, text after a closing quote, or I/O failure.
    mutating func advance() async throws(CSVError) -> Bool {
        while true {
            switch try nextBuffered() {
            case .record: return true
            case .end: return false
            case .needsInput: try await refill()
            }
        }
    }

    /// The number of fields in the current record.
    var fieldCount: Int { tokenizer.fields.count }

    /// Whether the current record is an empty line.
    var isBlankLine: Bool {
        tokenizer.fields.count == 1 && tokenizer.fields[0].count == 0 && !tokenizer.fields[0].quoted
    }

    /// Calls `body` with the current record's field spans, the input bytes and the scratch bytes
    /// (spans index one or the other, see ``FieldSpan/inScratch``).
    func withFields<R, E: Error>(
        _ body: ([FieldSpan], UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) throws(E) -> R
    ) throws(E) -> R {
        try input.buffer.withUnsafeBufferPointer { (bytes) throws(E) -> R in
            try tokenizer.scratch.withUnsafeBufferPointer { (scratch) throws(E) -> R in
                try body(tokenizer.fields, bytes, scratch)
            }
        }
    }

    /// The current record's fields as strings (for headers).
    func fieldStrings() -> [String] {
        withFields { fields, bytes, scratch in
            fields.map { span in
                String(decoding: UnsafeBufferPointer(rebasing: (span.inScratch ? scratch : bytes)[span.start..<span.end]), as: UTF8.self)
            }
        }
    }

    /// Moves back to file offset `offset`, where line `line` starts.
    mutating func rewind(to offset: Int64, line: Int) {
        input.seek(to: offset)
        self.line = line
        self.nextLine = line
    }

    /// The file offset of the next record.
    var offset: Int64 { input.absolutePosition }

    private func syntaxError(_ fault: CSVTokenizer.Fault) -> CSVError {
        let quote = Character(Unicode.Scalar(tokenizer.dialect.quote))
        switch fault {
        case .unclosedQuote(let offset):
            return CSVError(
                .malformedFile,
                "'\(name)' line \(nextLine + offset): a quoted field is never closed; check for a stray \(quote) on that line"
            )
        case .textAfterQuote(let byte, let offset):
            let shown = byte < 0x80 ? String(Character(Unicode.Scalar(byte))) : "\\x" + String(byte, radix: 16)
            return CSVError(
                .malformedFile,
                "'\(name)' line \(nextLine + offset): unexpected '\(shown)' after the closing quote of a field; "
                    + "a quote inside a quoted field must be doubled (\(quote)\(quote))"
            )
        }
    }
}
