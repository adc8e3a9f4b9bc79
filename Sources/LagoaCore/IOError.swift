/// An I/O failure from a local file or other byte source.
public struct IOError: LagoaError {
    public var codeName: String { "io" }
    public var message: String
    public var context: [ErrorContext]
    public var cause: (any Error)? { nil }
    /// The `errno` value, when the failure came from the operating system.
    public var errno: Int32?

    public init(_ message: String, errno: Int32? = nil, context: [ErrorContext] = []) {
        self.message = message
        self.errno = errno
        self.context = context
    }
}
