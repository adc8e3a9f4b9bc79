/// Where in Lagoa's own source an error was thrown; kept for bug reports, never shown to end users
/// unless they ask for verbose output.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String = #fileID, line: Int = #line) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}
