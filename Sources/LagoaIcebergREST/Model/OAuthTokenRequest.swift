public import LagoaJSON

/// `POST /v1/oauth/tokens` with `grant_type=client_credentials` (form-encoded, or the client
/// credentials in HTTP Basic auth as DuckDB sends them).
public struct OAuthTokenRequest: Sendable, Equatable {
    public var clientID: String
    public var clientSecret: String
    public var scope: String?

    /// - Parameters:
    ///   - form: the `application/x-www-form-urlencoded` body.
    ///   - basic: client id and secret from an `Authorization: Basic` header, if any.
    /// - Throws: ``OAuthError`` (RFC 6749 §5.2) for a missing or unsupported grant or credentials.
    public init(form: [UInt8], basic: (id: String, secret: String)? = nil) throws(OAuthError) {
        guard form.count <= 16_384 else { throw OAuthError("invalid_request", "the token request body is too large") }
        var fields: [String: String] = [:]
        for pair in String(decoding: form, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw OAuthError("invalid_request", "the token request body is not valid form encoding")
            }
            guard fields[key] == nil else { throw OAuthError("invalid_request", "'\(key)' appears twice") }
            fields[key] = value
        }
        guard let grant = fields["grant_type"] else { throw OAuthError("invalid_request", "grant_type is required (client_credentials)") }
        guard grant == "client_credentials" else { throw OAuthError("unsupported_grant_type", "grant_type '\(grant)' is not supported; use client_credentials") }
        guard let id = fields["client_id"] ?? basic?.id, let secret = fields["client_secret"] ?? basic?.secret, !id.isEmpty else {
            throw OAuthError("invalid_client", "client_id and client_secret are required", status: 401)
        }
        clientID = id
        clientSecret = secret
        scope = fields["scope"]
    }

    /// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a byte.
    static func decode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var i = text.utf8.startIndex
        let utf8 = text.utf8
        while i < utf8.endIndex {
            let c = utf8[i]
            if c == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if c == UInt8(ascii: "%") {
                let h = utf8.index(after: i)
                guard h < utf8.endIndex, utf8.index(after: h) < utf8.endIndex,
                    let high = hex(utf8[h]), let low = hex(utf8[utf8.index(after: h)])
                else { return nil }
                bytes.append(high << 4 | low)
                i = utf8.index(after: h)
            } else {
                bytes.append(c)
            }
            i = utf8.index(after: i)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x37
        case 0x61...0x66: c - 0x57
        default: nil
        }
    }

    /// The `OAuthTokenResponse` body.
    public static func response(token: String, expiresIn: Int, scope: String?) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("access_token", .string(token)), ("token_type", .string("bearer")), ("expires_in", .int(Int64(expiresIn))),
            ("issued_token_type", .string("urn:ietf:params:oauth:token-type:access_token")),
        ]
        if let scope { members.append(("scope", .string(scope))) }
        return .pairs(members)
    }
}

/// An OAuth 2 error answer (RFC 6749 §5.2): `{"error": "invalid_client", "error_description": …}`.
public struct OAuthError: Error, Sendable, Equatable {
    public var error: String
    public var description: String
    public var status: Int

    public init(_ error: String, _ description: String, status: Int = 400) {
        self.error = error
        self.description = description
        self.status = status
    }

    public var json: JSONValue { .pairs([("error", .string(error)), ("error_description", .string(description))]) }
}
