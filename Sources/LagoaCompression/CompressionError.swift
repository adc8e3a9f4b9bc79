public import LagoaCore

/// A failure to compress or decompress a block.
public struct CompressionError: LagoaError {
    public var codeName: String { isLimit ? "resource_limit" : "corrupt_data" }
    public var message: String
    public var context: [ErrorContext] = []
    public var cause: (any Error)? { nil }
    /// Whether the failure was a size limit (e.g. a decompression bomb), not corrupt bytes.
    public var isLimit: Bool

    public init(_ message: String, isLimit: Bool = false) {
        self.message = message
        self.isLimit = isLimit
    }
}
