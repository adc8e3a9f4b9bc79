/// An immutable, 64-byte-aligned block of bytes shared by columns; the storage under every array.
///
/// `Buffer` is a class so that slices of a column share one allocation. Its bytes never change after
/// construction (build one with ``MutableBuffer`` and call ``MutableBuffer/finish()``), which is why
/// it can be shared across tasks.
public final class Buffer: @unchecked Sendable {
    // Safe to share: `pointer`'s bytes are written only before `init` returns and never after.
    /// Start of the bytes.
    public let pointer: UnsafeRawPointer
    /// Number of valid bytes.
    public let count: Int
    private let owned: UnsafeMutableRawPointer?

    /// The alignment of every buffer, matching Arrow's recommendation for SIMD-friendly access.
    public static let alignment = 64

    init(taking pointer: UnsafeMutableRawPointer, count: Int) {
        self.pointer = UnsafeRawPointer(pointer)
        self.count = count
        self.owned = pointer
    }

    /// A buffer holding a copy of `bytes`.
    /// - Complexity: O(n).
    public convenience init(copying bytes: UnsafeRawBufferPointer) {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: Buffer.alignment)
        if let base = bytes.baseAddress, bytes.count > 0 {
            memory.copyMemory(from: base, byteCount: bytes.count)
        }
        self.init(taking: memory, count: bytes.count)
    }

    /// A buffer holding a copy of the elements of `array`.
    /// - Complexity: O(n).
    public convenience init<T: BitwiseCopyable>(_ array: [T]) {
        self.init(copying: array.withUnsafeBytes { $0 })
    }

    /// A shared empty buffer.
    public static let empty = Buffer(copying: UnsafeRawBufferPointer(start: nil, count: 0))

    deinit {
        owned?.deallocate()
    }

    /// The bytes as a raw buffer.
    public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: pointer, count: count) }

    /// The bytes viewed as `count / stride` values of `T`.
    public func typed<T: BitwiseCopyable>(_: T.Type) -> UnsafeBufferPointer<T> {
        UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: T.self), count: count / MemoryLayout<T>.stride)
    }
}
