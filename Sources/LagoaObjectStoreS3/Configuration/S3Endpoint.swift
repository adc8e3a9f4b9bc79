public import LagoaObjectStore

/// A custom S3 endpoint (`http://127.0.0.1:5000`, `https://minio.internal:9000`): scheme, host, port.
public struct S3Endpoint: Sendable, Hashable, CustomStringConvertible {
    /// `http` or `https`.
    public let scheme: String
    /// The host name or IP address, lower-cased (IPv6 in brackets).
    public let host: String
    /// The port when the URL names one.
    public let port: Int?

    /// Parses `scheme://host[:port][/]`.
    /// - Throws: ``ObjectStoreError/Code/invalidArgument`` naming the URL and what is wrong with it.
    public init(_ url: String) throws(ObjectStoreError) {
        func fail(_ why: String) -> ObjectStoreError {
            ObjectStoreError(.invalidArgument, "S3 endpoint '\(url)' \(why); expected e.g. http://127.0.0.1:5000 or https://s3.example.com")
        }
        guard let separator = url.firstRange(of: "://") else { throw fail("has no scheme") }
        let scheme = url[..<separator.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { throw fail("has scheme '\(scheme)', not http or https") }
        var rest = url[separator.upperBound...]
        while rest.hasSuffix("/") { rest.removeLast() }
        guard !rest.contains("/"), !rest.contains("?"), !rest.contains("#") else {
            throw fail("has a path or query; give only scheme, host and port")
        }
        guard !rest.contains("@") else { throw fail("contains user information; pass credentials separately") }
        var host = Substring(rest)
        var port: Int?
        if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("]") {
            guard let value = Int(rest[rest.index(after: colon)...]), (1...65535).contains(value) else {
                throw fail("has an invalid port")
            }
            port = value
            host = rest[..<colon]
        }
        guard !host.isEmpty else { throw fail("has no host") }
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = port
    }

    /// Whether the port is the scheme's default (or absent).
    var hasDefaultPort: Bool {
        port == nil || (scheme == "http" && port == 80) || (scheme == "https" && port == 443)
    }

    /// `host` plus `:port` when not the default: the `Host` header value for `host`.
    func authority(host: String) -> String {
        hasDefaultPort ? host : "\(host):\(port!)"
    }

    public var description: String {
        port.map { "\(scheme)://\(host):\($0)" } ?? "\(scheme)://\(host)"
    }
}
