/// What a store knows about one object without reading it.
public struct ObjectMeta: Sendable, Hashable {
    /// The object's key.
    public var path: ObjectPath
    /// The size in bytes.
    public var size: Int64
    /// When the object was last written, in milliseconds since the Unix epoch, if the store knows.
    public var lastModifiedMillis: Int64?
    /// The store's version tag (S3 ETag without quotes), if it has one.
    public var eTag: String?

    public init(path: ObjectPath, size: Int64, lastModifiedMillis: Int64? = nil, eTag: String? = nil) {
        self.path = path
        self.size = size
        self.lastModifiedMillis = lastModifiedMillis
        self.eTag = eTag
    }
}
