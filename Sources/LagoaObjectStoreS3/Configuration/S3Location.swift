public import LagoaObjectStore

/// A bucket and key prefix parsed from `s3://bucket/some/prefix` (or `s3a://`).
public struct S3Location: Sendable, Hashable, CustomStringConvertible {
    public let bucket: String
    /// The key prefix without leading or trailing `/`; "" for the whole bucket.
    public let prefix: String

    /// Parses and validates an S3 URL.
    /// - Throws: ``ObjectStoreError/Code/invalidArgument`` naming the URL and the problem.
    public init(url: String) throws(ObjectStoreError) {
        let rest: Substring
        if url.hasPrefix("s3://") {
            rest = url.dropFirst(5)
        } else if url.hasPrefix("s3a://") {
            rest = url.dropFirst(6)
        } else {
            throw ObjectStoreError(.invalidArgument, "'\(url)' is not an S3 URL; expected s3://bucket/prefix")
        }
        let bucket = rest.prefix { $0 != "/" }
        var prefix = rest.dropFirst(bucket.count)
        while prefix.hasPrefix("/") { prefix.removeFirst() }
        while prefix.hasSuffix("/") { prefix.removeLast() }
        try Self.validateBucket(String(bucket), url: url)
        if !prefix.isEmpty {
            do throws(ObjectStoreError) {
                _ = try ObjectPath(String(prefix))
            } catch {
                throw ObjectStoreError(.invalidArgument, "'\(url)' has an invalid key prefix: \(error.message)")
            }
        }
        self.bucket = String(bucket)
        self.prefix = String(prefix)
    }

    public init(bucket: String, prefix: String = "") throws(ObjectStoreError) {
        try self.init(url: "s3://\(bucket)/\(prefix)")
    }

    /// `s3://bucket/prefix` (no trailing `/`).
    public var description: String {
        prefix.isEmpty ? "s3://\(bucket)" : "s3://\(bucket)/\(prefix)"
    }

    /// S3's rules for bucket names: 3 to 63 lower-case letters, digits, `.` and `-`, starting and
    /// ending with a letter or digit.
    static func validateBucket(_ bucket: String, url: String) throws(ObjectStoreError) {
        func fail(_ why: String) -> ObjectStoreError {
            ObjectStoreError(.invalidArgument, "'\(url)' has an invalid bucket name '\(bucket)': \(why)")
        }
        guard !bucket.isEmpty else { throw ObjectStoreError(.invalidArgument, "'\(url)' has no bucket name; expected s3://bucket/prefix") }
        guard (3...63).contains(bucket.utf8.count) else { throw fail("it must be 3 to 63 characters long") }
        for byte in bucket.utf8 {
            let allowed = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            guard allowed else { throw fail("only lower-case letters, digits, '.' and '-' are allowed") }
        }
        let edges = [bucket.utf8.first!, bucket.utf8.last!]
        guard edges.allSatisfy({ $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: "-") }) else {
            throw fail("it must start and end with a letter or digit")
        }
    }
}
