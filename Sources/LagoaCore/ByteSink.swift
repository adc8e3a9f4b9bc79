/// A sequential destination for bytes: a local file today, a multipart upload tomorrow.
///
/// Writers of file formats append bytes in order and call ``close()`` once at the end. A sink that
/// is dropped without `close()` must leave no partial object visible at its final name.
public protocol ByteSink: AnyObject {
    /// The number of bytes written so far.
    var position: Int64 { get }
    /// Appends `bytes`.
    func write(_ bytes: [UInt8]) async throws
    /// Makes everything written durable and visible; no writes may follow.
    func close() async throws
}
