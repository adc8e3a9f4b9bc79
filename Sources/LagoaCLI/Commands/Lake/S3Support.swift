import LagoaObjectStore

/// Opens S3 warehouses (`s3://bucket/prefix`).
enum S3Support {
    static func store(url: String) throws -> any ObjectStore {
        throw ObjectStoreError(.unsupported, "\(url): S3 warehouses are not available in this build yet")
    }
}
