/// How ``CSVWriter`` formats rows.
///
/// Values are written so that ``CSVReader`` with matching options reads them back equal: nulls as
/// ``nullString`` unquoted, strings quoted when they contain the delimiter, a quote or a line break,
/// or when they would read back as null (so the empty string is written `""`).
public struct CSVWriteOptions: Sendable {
    /// The field separator; an ASCII character.
    public var delimiter: Character
    /// The quote character; an ASCII character. Quotes inside values are doubled.
    public var quote: Character
    /// Whether to write a first row with the column names.
    public var includeHeader: Bool
    /// The text written for null values.
    public var nullString: String
    /// The record terminator, `"\n"` or `"\r\n"`.
    public var lineTerminator: String

    public init(
        delimiter: Character = ",",
        quote: Character = "\"",
        includeHeader: Bool = true,
        nullString: String = "",
        lineTerminator: String = "\n"
    ) {
        self.delimiter = delimiter
        self.quote = quote
        self.includeHeader = includeHeader
        self.nullString = nullString
        self.lineTerminator = lineTerminator
    }
}
