public import AsyncHTTPClient
public import LagoaObjectStore
import Crypto

/// An ``ObjectStore`` over one S3 bucket (AWS or any S3-compatible server), optionally under a key prefix.
///
/// Requests are signed with SigV4 (``SigV4Signer``) and retried on 5xx, throttling and connection
/// errors (``S3Configuration/RetryPolicy``). `putIfAbsent` is a `PUT` with `If-None-Match: *`, which
/// AWS S3 honours since August 2024 (and moto, MinIO and Ceph do too); a server that ignores the
/// header would silently overwrite, so do not use `putIfAbsent` against one. Writers are multipart
/// uploads with parts sent in parallel; objects smaller than one part go up as one `PUT`.
public final class S3ObjectStore: ObjectStore {
    public let bucket: String
    /// The key prefix, without leading or trailing `/`; "" for the whole bucket.
    public let prefix: String
    public let configuration: S3Configuration
    /// `s3://bucket` or `s3://bucket/prefix`.
    public let url: String
    let client: S3Client
    /// `max-keys` of each list page (S3 caps it at 1000); smaller in tests to exercise pagination.
    let listPageSize: Int

    /// - Parameters:
    ///   - prefix: keys of this store live under `prefix/` in the bucket.
    ///   - httpClient: the client to send requests with; the shared one by default.
    public convenience init(bucket: String, prefix: String = "", configuration: S3Configuration, httpClient: HTTPClient = .shared) {
        self.init(bucket: bucket, prefix: prefix, configuration: configuration, transport: AsyncHTTPClientTransport(client: httpClient))
    }

    /// A store for `s3://bucket/prefix`.
    public convenience init(location: S3Location, configuration: S3Configuration, httpClient: HTTPClient = .shared) {
        self.init(bucket: location.bucket, prefix: location.prefix, configuration: configuration, httpClient: httpClient)
    }

    /// A store that sends its requests through `transport` (tests use a scripted fake).
    package init(bucket: String, prefix: String = "", configuration: S3Configuration, transport: any S3HTTPTransport, listPageSize: Int = 1000) {
        var trimmed = Substring(prefix)
        while trimmed.hasPrefix("/") { trimmed.removeFirst() }
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.bucket = bucket
        self.prefix = String(trimmed)
        self.configuration = configuration
        self.url = trimmed.isEmpty ? "s3://\(bucket)" : "s3://\(bucket)/\(trimmed)"
        self.client = S3Client(bucket: bucket, configuration: configuration, transport: transport)
        self.listPageSize = max(1, min(listPageSize, 1000))
    }

    /// The key of `path` in the bucket.
    func key(_ path: ObjectPath) -> String {
        prefix.isEmpty ? path.string : prefix + "/" + path.string
    }

    /// `s3://bucket/key`, the name in messages.
    func name(_ path: ObjectPath) -> String {
        "s3://\(bucket)/\(key(path))"
    }

    public func get(_ path: ObjectPath) async throws(ObjectStoreError) -> [UInt8] {
        try await client.send(S3Request(method: "GET", key: key(path), name: name(path))).body
    }

    public func get(_ path: ObjectPath, range: Range<Int64>) async throws(ObjectStoreError) -> [UInt8] {
        guard range.lowerBound >= 0 else {
            throw ObjectStoreError(.invalidArgument, "\(name(path)): range \(range.lowerBound)..<\(range.upperBound) starts before 0")
        }
        if range.isEmpty {
            // HTTP cannot ask for zero bytes; check the bounds with a HEAD instead.
            let size = try await head(path).size
            guard range.upperBound <= size else { throw pastEnd(path, range, size: size) }
            return []
        }
        let request = S3Request(
            method: "GET",
            key: key(path),
            headers: [("range", "bytes=\(range.lowerBound)-\(range.upperBound - 1)")],
            name: name(path)
        )
        let response: S3HTTPResponse
        do {
            response = try await client.send(request)
        } catch where error.code == .invalidArgument && error.message.contains(": 416 ") {
            throw pastEnd(path, range, size: try await head(path).size)
        }
        if response.status == 200 {
            // The server ignored the Range header and sent everything.
            guard range.upperBound <= Int64(response.body.count) else { throw pastEnd(path, range, size: Int64(response.body.count)) }
            return Array(response.body[Int(range.lowerBound)..<Int(range.upperBound)])
        }
        guard response.body.count == range.count else {
            let total = response.header("content-range").flatMap { $0.split(separator: "/").last.flatMap { Int64($0) } }
            throw pastEnd(path, range, size: total ?? range.lowerBound + Int64(response.body.count))
        }
        return response.body
    }

    public func head(_ path: ObjectPath) async throws(ObjectStoreError) -> ObjectMeta {
        let response = try await client.send(S3Request(method: "HEAD", key: key(path), name: name(path)))
        guard let length = response.header("content-length").flatMap({ Int64($0) }) else {
            throw ObjectStoreError(.io, "\(name(path)): HEAD answer has no Content-Length")
        }
        return ObjectMeta(
            path: path,
            size: length,
            lastModifiedMillis: response.header("last-modified").flatMap(S3Dates.httpDateMillis),
            eTag: response.header("etag").map(Self.unquoted)
        )
    }

    public func put(_ path: ObjectPath, _ bytes: [UInt8]) async throws(ObjectStoreError) {
        _ = try await client.send(S3Request(method: "PUT", key: key(path), body: bytes, isUpload: true, name: name(path)))
    }

    public func putIfAbsent(_ path: ObjectPath, _ bytes: [UInt8]) async throws(ObjectStoreError) {
        let request = S3Request(
            method: "PUT",
            key: key(path),
            headers: [("if-none-match", "*")],
            body: bytes,
            retry: .throttlingOnly,
            isUpload: true,
            name: name(path)
        )
        // A 5xx or a dropped connection leaves it unknown whether the object was written, so the
        // PUT is repeated; a 412 after such a repeat is our own earlier write when the object's
        // ETag (the MD5 of a single-part upload) is the MD5 of these bytes.
        var ambiguous = false
        var attempt = 1
        while true {
            do {
                _ = try await client.send(request)
                return
            } catch where error.code == .preconditionFailed {
                if ambiguous, let tag = try? await head(path).eTag, tag.lowercased() == Self.md5Hex(bytes) {
                    return
                }
                throw ObjectStoreError(.alreadyExists, "\(name(path)) already exists", cause: error)
            } catch where (error.code == .unavailable || error.code == .io) && attempt < configuration.retry.maxAttempts {
                ambiguous = true
                attempt += 1
                let millis = Int64(configuration.retry.baseDelay.components.seconds * 1000)
                    + configuration.retry.baseDelay.components.attoseconds / 1_000_000_000_000_000
                try? await Task.sleep(for: .milliseconds(Int64.random(in: 0...max(1, millis) << min(attempt, 6))))
            }
        }
    }

    static func md5Hex(_ bytes: [UInt8]) -> String {
        Insecure.MD5.hash(data: bytes).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
        }.joined()
    }

    public func list(prefix listed: ObjectPath?) async throws(ObjectStoreError) -> [ObjectMeta] {
        let storePrefix = prefix.isEmpty ? "" : prefix + "/"
        // `a/b` lists the keys `a/b` and `a/b/…` (folder semantics): ask S3 for `a/b`, then drop `a/bc`.
        let requested = listed.map { storePrefix + $0.string } ?? storePrefix
        let name = "s3://\(bucket)/\(requested)"
        var found: [ObjectMeta] = []
        var token: String?
        repeat {
            var query: [(name: String, value: String)] = [("list-type", "2"), ("prefix", requested), ("max-keys", String(listPageSize))]
            if let token { query.append(("continuation-token", token)) }
            let response = try await client.send(S3Request(method: "GET", key: nil, query: query, name: name))
            let page = try S3ListPage(response.body, name: name)
            for entry in page.entries {
                guard entry.key.hasPrefix(storePrefix), let path = try? ObjectPath(String(entry.key.dropFirst(storePrefix.count))) else {
                    continue  // keys no ObjectPath can name ("a//b", "a/"): not reachable through this store
                }
                if let listed, !path.isUnder(listed) { continue }
                found.append(ObjectMeta(path: path, size: entry.size, lastModifiedMillis: entry.lastModifiedMillis, eTag: entry.eTag))
            }
            token = page.isTruncated ? page.nextContinuationToken : nil
        } while token != nil
        return found.sorted { $0.path < $1.path }
    }

    public func delete(_ path: ObjectPath) async throws(ObjectStoreError) {
        do {
            _ = try await client.send(S3Request(method: "DELETE", key: key(path), name: name(path)))
        } catch where error.code == .notFound && !error.message.contains("NoSuchBucket") {
            return
        }
    }

    /// Deletes up to 1000 keys per `DeleteObjects` request; missing keys are fine.
    public func delete(_ paths: [ObjectPath]) async throws(ObjectStoreError) {
        var start = 0
        while start < paths.count {
            let batch = Array(paths[start..<min(start + 1000, paths.count)])
            try await deleteBatch(batch)
            start += batch.count
        }
    }

    public func writer(_ path: ObjectPath) async throws(ObjectStoreError) -> any ObjectWriter {
        S3MultipartWriter(store: self, path: path)
    }

    /// Creates the bucket (in the configured region); an existing bucket of ours is fine.
    public func createBucket() async throws(ObjectStoreError) {
        var body: [UInt8] = []
        if configuration.region != "us-east-1" {
            body = Array(
                "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>\(configuration.region)</LocationConstraint></CreateBucketConfiguration>".utf8
            )
        }
        do {
            _ = try await client.send(S3Request(method: "PUT", key: nil, body: body, name: "s3://\(bucket)"))
        } catch where error.message.contains("BucketAlreadyOwnedByYou") {
            return
        }
    }

    private func pastEnd(_ path: ObjectPath, _ range: Range<Int64>, size: Int64) -> ObjectStoreError {
        ObjectStoreError(.invalidArgument, "\(name(path)): range \(range.lowerBound)..<\(range.upperBound) runs past the end (\(size) bytes)")
    }

    static func unquoted(_ eTag: String) -> String {
        var text = Substring(eTag)
        if text.hasPrefix("W/") { text = text.dropFirst(2) }
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = text.dropFirst().dropLast() }
        return String(text)
    }
}
