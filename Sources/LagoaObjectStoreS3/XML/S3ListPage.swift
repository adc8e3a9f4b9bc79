import LagoaObjectStore

/// One page of a `ListObjectsV2` answer (`ListBucketResult`).
struct S3ListPage {
    struct Entry {
        var key: String
        var size: Int64
        var lastModifiedMillis: Int64?
        var eTag: String?
    }

    var entries: [Entry]
    var isTruncated: Bool
    var nextContinuationToken: String?

    init(_ body: [UInt8], name: String) throws(ObjectStoreError) {
        let root = try parseS3XML(body, expecting: "ListBucketResult", name: name)
        entries = try root.children("Contents").map { (node: XMLNode) throws(ObjectStoreError) -> Entry in
            guard let key = node.text(of: "Key"), let size = node.text(of: "Size").flatMap({ Int64($0) }) else {
                throw ObjectStoreError(.io, "\(name): a ListObjectsV2 entry has no Key or Size")
            }
            return Entry(
                key: key,
                size: size,
                lastModifiedMillis: node.text(of: "LastModified").flatMap(S3Dates.iso8601Millis),
                eTag: node.text(of: "ETag").map(S3ObjectStore.unquoted)
            )
        }
        isTruncated = root.text(of: "IsTruncated") == "true"
        nextContinuationToken = root.text(of: "NextContinuationToken")
        if isTruncated, nextContinuationToken?.isEmpty ?? true {
            throw ObjectStoreError(.io, "\(name): ListObjectsV2 says the listing is truncated but gives no NextContinuationToken")
        }
    }
}

/// Parses an S3 XML answer whose root must be `expected`; an `<Error>` root (S3 sends those even
/// with status 200 for CompleteMultipartUpload) becomes the mapped error.
func parseS3XML(_ body: [UInt8], expecting expected: String, name: String, status: Int = 200) throws(ObjectStoreError) -> XMLNode {
    let root: XMLNode
    do {
        root = try XMLNode.parse(body)
    } catch {
        throw ObjectStoreError(.io, "\(name): S3 sent malformed XML instead of \(expected): \(error)", cause: error)
    }
    if root.name == "Error" {
        let code = root.text(of: "Code") ?? "InternalError"
        throw S3ErrorResponse(status: code == "InternalError" ? 500 : status, code: code, message: root.text(of: "Message")).error(name: name)
    }
    guard root.name == expected else {
        throw ObjectStoreError(.io, "\(name): S3 sent <\(root.name)> where <\(expected)> was expected")
    }
    return root
}
