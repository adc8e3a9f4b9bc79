import LagoaObjectStore
import LagoaObjectStoreS3

/// Opens S3 warehouses (`s3://bucket/prefix`) with credentials, region and endpoint from the
/// environment and `~/.aws` (see `S3Configuration.fromEnvironment`).
enum S3Support {
    static func store(url: String) throws -> any ObjectStore {
        let location = try S3Location(url: url)
        return S3ObjectStore(location: location, configuration: try S3Configuration.fromEnvironment())
    }
}
