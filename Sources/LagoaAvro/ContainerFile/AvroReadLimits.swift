/// Bounds that protect the reader from corrupt or hostile files: beyond them it throws
/// ``AvroError/Code/resourceLimit`` instead of allocating.
public struct AvroReadLimits: Sendable, Hashable {
    /// Most bytes one block may hold after decompression (default 256 MiB; Avro writers use 16 KiB
    /// to a few MiB).
    public var maximumBlockSize: Int
    /// Most values one block, array or map may hold when a value can take zero bytes (a schema of
    /// `null`s or empty records); other counts are bounded by the bytes actually present.
    public var maximumZeroSizeItems: Int

    public init(maximumBlockSize: Int = 256 << 20, maximumZeroSizeItems: Int = 1 << 24) {
        self.maximumBlockSize = maximumBlockSize
        self.maximumZeroSizeItems = maximumZeroSizeItems
    }
}
