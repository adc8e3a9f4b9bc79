import LagoaObjectStore

/// The four calls of a multipart upload.
extension S3ObjectStore {
    /// `CreateMultipartUpload` (`POST key?uploads`): returns the upload id.
    func createMultipartUpload(_ path: ObjectPath) async throws(ObjectStoreError) -> String {
        let response = try await client.send(S3Request(method: "POST", key: key(path), query: [("uploads", "")], name: name(path)))
        let root = try parseS3XML(response.body, expecting: "InitiateMultipartUploadResult", name: name(path))
        guard let id = root.text(of: "UploadId"), !id.isEmpty else {
            throw ObjectStoreError(.io, "\(name(path)): CreateMultipartUpload answer has no UploadId")
        }
        return id
    }

    /// `UploadPart` (`PUT key?partNumber=N&uploadId=ID`): returns the part's ETag (quotes kept, as
    /// CompleteMultipartUpload wants them back).
    func uploadPart(_ path: ObjectPath, uploadID: String, number: Int, bytes: [UInt8]) async throws(ObjectStoreError) -> String {
        let response = try await client.send(
            S3Request(
                method: "PUT",
                key: key(path),
                query: [("partNumber", String(number)), ("uploadId", uploadID)],
                body: bytes,
                isUpload: true,
                name: name(path)
            )
        )
        guard let eTag = response.header("etag"), !eTag.isEmpty else {
            throw ObjectStoreError(.io, "\(name(path)): UploadPart \(number) answer has no ETag")
        }
        return eTag
    }

    /// `CompleteMultipartUpload` (`POST key?uploadId=ID` with the part list). S3 may answer 200 with
    /// an `<Error>` body; that is an error too.
    func completeMultipartUpload(_ path: ObjectPath, uploadID: String, parts: [(number: Int, eTag: String)]) async throws(ObjectStoreError) {
        var xml = "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
        for part in parts.sorted(by: { $0.number < $1.number }) {
            xml += "<Part><PartNumber>\(part.number)</PartNumber><ETag>\(xmlEscape(part.eTag))</ETag></Part>"
        }
        xml += "</CompleteMultipartUpload>"
        let response = try await client.send(
            S3Request(
                method: "POST",
                key: key(path),
                query: [("uploadId", uploadID)],
                headers: [("content-type", "application/xml")],
                body: Array(xml.utf8),
                name: name(path)
            )
        )
        _ = try parseS3XML(response.body, expecting: "CompleteMultipartUploadResult", name: name(path))
    }

    /// `AbortMultipartUpload` (`DELETE key?uploadId=ID`); an upload that is already gone is fine.
    func abortMultipartUpload(_ path: ObjectPath, uploadID: String) async throws(ObjectStoreError) {
        do {
            _ = try await client.send(S3Request(method: "DELETE", key: key(path), query: [("uploadId", uploadID)], name: name(path)))
        } catch where error.code == .notFound {
            return
        }
    }
}
