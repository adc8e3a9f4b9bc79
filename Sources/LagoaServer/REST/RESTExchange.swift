public import LagoaIcebergREST
public import LagoaJSON

/// A request as the REST router sees it, whatever carries it (Hummingbird, or a test calling the
/// router directly).
public struct RESTRequest: Sendable {
    public var method: String
    /// The path without the query, still percent-encoded: `/v1/namespaces/sales%1Fsor/tables`.
    public var path: String
    public var query: [String: String]
    public var body: [UInt8]

    public init(method: String, path: String, query: [String: String] = [:], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
    }
}

/// The router's answer: a status and, except for 204 and HEAD, a JSON body.
public struct RESTResponse: Sendable {
    public var status: Int
    public var body: JSONValue?

    public init(status: Int, body: JSONValue? = nil) {
        self.status = status
        self.body = body
    }

    public static func error(_ error: RESTError) -> RESTResponse { RESTResponse(status: error.code, body: error.json) }
}

/// `%XX` decoding of a path segment (`+` stays a plus, unlike form bodies).
func percentDecoded(_ segment: Substring) throws(RESTError) -> String {
    var bytes: [UInt8] = []
    var iterator = Array(segment.utf8).makeIterator()
    while let c = iterator.next() {
        guard c == UInt8(ascii: "%") else {
            bytes.append(c)
            continue
        }
        guard let h = iterator.next(), let l = iterator.next(), let high = hexValue(h), let low = hexValue(l) else {
            throw RESTError.badRequest("malformed percent-encoding in path segment '\(segment)'")
        }
        bytes.append(high << 4 | low)
    }
    guard let text = String(validating: bytes, as: UTF8.self) else { throw RESTError.badRequest("path segment '\(segment)' is not UTF-8") }
    return text
}

private func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case 0x30...0x39: c - 0x30
    case 0x41...0x46: c - 0x37
    case 0x61...0x66: c - 0x57
    default: nil
    }
}
