/// A growable, 64-byte-aligned byte buffer used to build columns; ``finish()`` hands the bytes to an
/// immutable ``Buffer`` without copying.
///
/// This is a non-copyable owner of its memory, so that builders never share a half-built buffer.
public struct MutableBuffer: ~Copyable {
    /// Start of the bytes; valid up to ``capacity``.
    public private(set) var pointer: UnsafeMutableRawPointer
    /// Bytes written so far.
    public var count: Int
    /// Bytes allocated.
    public private(set) var capacity: Int

    /// Creates an empty buffer with room for `capacity` bytes.
    public init(capacity: Int = 0) {
        let capacity = max(capacity, 64)
        self.pointer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: Buffer.alignment)
        self.capacity = capacity
        self.count = 0
    }

    /// Creates a buffer of `count` zero bytes.
    public init(zeroed count: Int) {
        self.init(capacity: count)
        pointer.initializeMemory(as: UInt8.self, repeating: 0, count: capacity)
        self.count = count
    }

    deinit {
        pointer.deallocate()
    }

    /// Ensures room for `additional` more bytes past ``count``.
    /// - Complexity: amortised O(1) per byte.
    public mutating func reserve(_ additional: Int) {
        let needed = count + additional
        guard needed > capacity else { return }
        var newCapacity = capacity
        while newCapacity < needed { newCapacity = newCapacity &* 2 }
        let memory = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: Buffer.alignment)
        memory.copyMemory(from: pointer, byteCount: count)
        pointer.deallocate()
        pointer = memory
        capacity = newCapacity
    }

    /// Grows ``count`` by `n` zero bytes.
    public mutating func appendZeros(_ n: Int) {
        reserve(n)
        (pointer + count).initializeMemory(as: UInt8.self, repeating: 0, count: n)
        count += n
    }

    /// Appends raw bytes.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        reserve(bytes.count)
        (pointer + count).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        count += bytes.count
    }

    /// Appends one fixed-width value.
    @inline(__always)
    public mutating func append<T: BitwiseCopyable>(_ value: T) {
        let size = MemoryLayout<T>.stride
        if count + size > capacity { reserve(size) }
        (pointer + count).storeBytes(of: value, as: T.self)
        count += size
    }

    /// Appends the elements of an array of fixed-width values.
    public mutating func append<T: BitwiseCopyable>(contentsOf values: [T]) {
        values.withUnsafeBytes { append($0) }
    }

    /// Pointer to the first value, typed.
    public func typed<T: BitwiseCopyable>(_: T.Type) -> UnsafeMutablePointer<T> {
        pointer.assumingMemoryBound(to: T.self)
    }

    /// Freezes the bytes into an immutable ``Buffer`` without copying.
    public consuming func finish() -> Buffer {
        let buffer = Buffer(taking: pointer, count: count)
        discard self
        return buffer
    }
}
