/// A read-only, random-access sequence of bytes: a local file today, an S3 object tomorrow.
///
/// Readers of columnar formats fetch only the byte ranges they need (a footer, one column chunk,
/// one page) through this protocol, so the same reader works over any store.
///
/// ## Implementing your own
/// `size()` is called once per reader; `read(offset:length:)` may be called concurrently from several
/// tasks and must be safe to do so. Return exactly `length` bytes, or throw when the range runs past
/// the end: callers check ranges against `size()` first and treat a short read as corruption.
public protocol RandomAccessSource: Sendable {
    /// A human-readable name (a path or URL) used in error messages.
    var name: String { get }
    /// The total size in bytes.
    func size() async throws -> Int64
    /// Reads `length` bytes starting at `offset`.
    /// - Throws: when the range is outside the source or the underlying I/O fails.
    func read(offset: Int64, length: Int) async throws -> [UInt8]
}
