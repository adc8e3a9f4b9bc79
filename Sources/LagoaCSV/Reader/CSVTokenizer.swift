import LagoaCore
/// Where one field's text lies: in the input buffer, or in the tokenizer's scratch buffer when
/// unescaping (doubled quotes, escape characters) changed it.
struct FieldSpan: Sendable {
    var start: Int
    var end: Int
    /// The field was enclosed in quotes.
    var quoted: Bool
    /// The text is in ``CSVTokenizer/scratch`` rather than the input.
    var inScratch: Bool

    var count: Int { end - start }
}

/// Splits CSV bytes into records and fields (RFC 4180, plus LF and bare CR line ends and an optional
/// escape character inside quotes).
///
/// The tokenizer is restartable: when a record runs past the buffered bytes it reports
/// ``Outcome/incomplete`` and the caller refills and parses the same record again from its start.
struct CSVTokenizer: Sendable {
    let dialect: CSVDialect
    /// The fields of the last parsed record.
    private(set) var fields: [FieldSpan] = []
    /// Unescaped text of quoted fields that contained doubled quotes or escapes.
    private(set) var scratch: [UInt8] = []

    init(dialect: CSVDialect) {
        self.dialect = dialect
    }

    enum Outcome {
        /// A record was parsed; the next one starts at `end`; it spans `lineBreaks` line breaks.
        case record(end: Int, lineBreaks: Int)
        /// The record runs past the buffered bytes; refill and parse again.
        case incomplete
        /// No bytes are left.
        case endOfInput
    }

    /// Syntax faults, with the number of line breaks between the record's start and the fault.
    enum Fault: Error {
        case unclosedQuote(lineOffset: Int)
        case textAfterQuote(UInt8, lineOffset: Int)
    }

    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D

    /// Parses the record starting at `input.position`.
    /// - Complexity: O(record length).
    mutating func parseRecord(in input: ChunkedInput) throws(Fault) -> Outcome {
        let atEnd = input.isAtEnd
        let start = input.position
        return try input.buffer.withUnsafeBufferPointer { (bytes) throws(Fault) -> Outcome in
            try parse(bytes, from: start, atEnd: atEnd)
        }
    }

    private mutating func parse(_ b: UnsafeBufferPointer<UInt8>, from start: Int, atEnd: Bool) throws(Fault) -> Outcome {
        fields.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        let n = b.count
        guard start < n else { return atEnd ? .endOfInput : .incomplete }
        let delimiter = dialect.delimiter
        let quote = dialect.quote
        let escape = dialect.escape
        var i = start
        var lineBreaks = 0
        while true {
            var span: FieldSpan
            if i < n && b[i] == quote {
                i += 1
                let contentStart = i
                var segmentStart = i
                var unescaped = false
                let scratchStart = scratch.count
                while true {
                    guard i < n else { return atEnd ? try fail(.unclosedQuote(lineOffset: 0)) : .incomplete }
                    let c = b[i]
                    if c == quote {
                        if i + 1 < n && b[i + 1] == quote {
                            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[segmentStart..<(i + 1)]))
                            i += 2
                            segmentStart = i
                            unescaped = true
                            continue
                        }
                        if i + 1 >= n && !atEnd { return .incomplete }
                        break
                    }
                    if c == escape && escape != quote {
                        guard i + 1 < n else { return atEnd ? try fail(.unclosedQuote(lineOffset: 0)) : .incomplete }
                        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[segmentStart..<i]))
                        scratch.append(b[i + 1])
                        if b[i + 1] == Self.lf { lineBreaks += 1 }
                        i += 2
                        segmentStart = i
                        unescaped = true
                        continue
                    }
                    if c == Self.lf { lineBreaks += 1 }
                    i += 1
                }
                if unescaped {
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[segmentStart..<i]))
                    span = FieldSpan(start: scratchStart, end: scratch.count, quoted: true, inScratch: true)
                } else {
                    span = FieldSpan(start: contentStart, end: i, quoted: true, inScratch: false)
                }
                i += 1
            } else {
                let fieldStart = i
                while i < n {
                    let c = b[i]
                    if c == delimiter || c == Self.lf || c == Self.cr { break }
                    i += 1
                }
                span = FieldSpan(start: fieldStart, end: i, quoted: false, inScratch: false)
            }
            guard i < n else {
                guard atEnd else { return .incomplete }
                fields.append(span)
                return .record(end: n, lineBreaks: lineBreaks)
            }
            let c = b[i]
            if c == delimiter {
                fields.append(span)
                i += 1
                continue
            }
            if c == Self.lf {
                fields.append(span)
                return .record(end: i + 1, lineBreaks: lineBreaks + 1)
            }
            if c == Self.cr {
                if i + 1 < n {
                    fields.append(span)
                    return .record(end: b[i + 1] == Self.lf ? i + 2 : i + 1, lineBreaks: lineBreaks + 1)
                }
                guard atEnd else { return .incomplete }
                fields.append(span)
                return .record(end: i + 1, lineBreaks: lineBreaks + 1)
            }
            return try fail(.textAfterQuote(c, lineOffset: lineBreaks))
        }
    }

    private func fail(_ fault: Fault) throws(Fault) -> Outcome {
        throw fault
    }
}
