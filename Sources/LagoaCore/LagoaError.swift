/// The protocol every Lagoa error type conforms to, so the CLI (and later the server) can render any
/// of them the same way.
///
/// Each target owns one concrete error struct (`ParquetError`, `CSVError`, …). An error carries a
/// stable machine-readable ``code``, a ``message`` that names the failing thing and, when possible,
/// says how to fix it, ordered key/value ``context`` added on the way up, and an optional ``cause``.
public protocol LagoaError: Error, CustomStringConvertible, Sendable {
    /// A short stable identifier such as `corrupt_file` or `unsupported`.
    var codeName: String { get }
    /// A sentence naming what failed and where; it says how to fix it when Lagoa knows.
    var message: String { get }
    /// Key/value pairs added by callers as the error travels up (file, row group, column, …).
    var context: [ErrorContext] { get }
    /// The lower-level error this one wraps, if any.
    var cause: (any Error)? { get }
}

/// One key/value pair of error context, kept in the order it was added.
public struct ErrorContext: Sendable, Hashable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

extension LagoaError {
    /// Renders the message followed by its context and cause, one line each: what the CLI prints.
    public var rendered: String {
        var text = message
        for entry in context {
            text += "\n  \(entry.key): \(entry.value)"
        }
        if let cause {
            text += "\n  caused by: \(cause)"
        }
        return text
    }

    public var description: String { rendered }
}
