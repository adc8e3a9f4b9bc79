import Crypto
public import LagoaObjectStore

/// A multipart upload that was started and neither completed nor aborted.
public struct S3PendingUpload: Sendable, Hashable {
    /// The full key in the bucket (store prefix included).
    public var key: String
    public var uploadID: String
}

extension S3ObjectStore {
    /// One `DeleteObjects` request (`POST ?delete`, at most 1000 keys, `Content-MD5` of the body).
    func deleteBatch(_ paths: [ObjectPath]) async throws(ObjectStoreError) {
        guard !paths.isEmpty else { return }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Quiet>true</Quiet>"
        for path in paths { xml += "<Object><Key>\(xmlEscape(key(path)))</Key></Object>" }
        xml += "</Delete>"
        let body = Array(xml.utf8)
        let md5 = SigV4Encoding.base64(Array(Insecure.MD5.hash(data: body)))
        let name = "s3://\(bucket)/\(prefix)"
        let response = try await client.send(
            S3Request(
                method: "POST",
                key: nil,
                query: [("delete", "")],
                headers: [("content-md5", md5), ("content-type", "application/xml")],
                body: body,
                name: name
            )
        )
        let result = try parseS3XML(response.body, expecting: "DeleteResult", name: name)
        // Quiet mode lists only failures; a missing key is not one.
        for failure in result.children("Error") where failure.text(of: "Code") != "NoSuchKey" {
            let key = failure.text(of: "Key") ?? "?"
            throw S3ErrorResponse(status: 200, code: failure.text(of: "Code") ?? "InternalError", message: failure.text(of: "Message"))
                .error(name: "s3://\(bucket)/\(key)")
        }
    }

    /// The multipart uploads under this store's prefix that were never completed or aborted
    /// (`ListMultipartUploads`, all pages); abort them with ``abortPendingUpload(_:)``.
    public func pendingUploads() async throws(ObjectStoreError) -> [S3PendingUpload] {
        let requested = prefix.isEmpty ? "" : prefix + "/"
        let name = "s3://\(bucket)/\(requested)"
        var uploads: [S3PendingUpload] = []
        var markers: (key: String, uploadID: String)?
        repeat {
            var query: [(name: String, value: String)] = [("uploads", ""), ("prefix", requested)]
            if let markers { query += [("key-marker", markers.key), ("upload-id-marker", markers.uploadID)] }
            let response = try await client.send(S3Request(method: "GET", key: nil, query: query, name: name))
            let root = try parseS3XML(response.body, expecting: "ListMultipartUploadsResult", name: name)
            for upload in root.children("Upload") {
                if let key = upload.text(of: "Key"), let id = upload.text(of: "UploadId") {
                    uploads.append(S3PendingUpload(key: key, uploadID: id))
                }
            }
            if root.text(of: "IsTruncated") == "true", let key = root.text(of: "NextKeyMarker"), let id = root.text(of: "NextUploadIdMarker") {
                markers = (key, id)
            } else {
                markers = nil
            }
        } while markers != nil
        return uploads
    }

    /// Aborts a pending multipart upload (found by ``pendingUploads()``).
    public func abortPendingUpload(_ upload: S3PendingUpload) async throws(ObjectStoreError) {
        let name = "s3://\(bucket)/\(upload.key)"
        do {
            _ = try await client.send(S3Request(method: "DELETE", key: upload.key, query: [("uploadId", upload.uploadID)], name: name))
        } catch where error.code == .notFound {
            return
        }
    }
}
