@testable import LagoaObjectStoreS3

/// One request of the SigV4 table, in the form `scripts/interop/sigv4_oracle.py` reads.
struct SigV4Case: Codable, Sendable, CustomStringConvertible {
    var name: String
    var method: String
    /// `scheme://host[:port]`.
    var endpoint: String
    /// The raw, unencoded path (`/bucket/key with space`).
    var path: String
    var query: [[String]] = []
    var headers: [[String]] = []
    var body_hex: String = ""
    var unsigned: Bool = false
    var access_key: String = "AKIAIOSFODNN7EXAMPLE"
    var secret_key: String = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    var session_token: String?
    var region: String = "us-east-1"
    var timestamp: Int64 = 1_369_353_600  // 2013-05-24T00:00:00Z, the date of AWS's own examples

    var description: String { name }

    /// The request as Lagoa's signer sees it (path encoded per segment, host from the endpoint).
    func request() throws -> SigV4Request {
        let endpoint = try S3Endpoint(self.endpoint)
        let body: [UInt8] = stride(from: 0, to: body_hex.count, by: 2).map { offset in
            let start = body_hex.index(body_hex.startIndex, offsetBy: offset)
            return UInt8(body_hex[start..<body_hex.index(start, offsetBy: 2)], radix: 16)!
        }
        return SigV4Request(
            method: method,
            host: endpoint.authority(host: endpoint.host),
            encodedPath: SigV4Encoding.uriEncode(path, keepSlash: true),
            query: query.map { ($0[0], $0[1]) },
            headers: headers.map { ($0[0], $0[1]) },
            payload: unsigned ? .unsigned : .bytes(body)
        )
    }

    func sign() throws -> SigV4Signature {
        let signer = SigV4Signer(
            credentials: S3Credentials(accessKeyID: access_key, secretAccessKey: secret_key, sessionToken: session_token),
            region: region
        )
        return signer.sign(try request(), at: SigV4Timestamp(secondsSince1970: timestamp))
    }
}

/// The table compared byte for byte with botocore: keys with spaces, unicode and reserved
/// characters, list/multipart/delete query strings, ranges, conditional headers, session tokens,
/// empty and non-empty bodies, `UNSIGNED-PAYLOAD`, default and explicit ports.
enum SigV4Table {
    static func hex(_ text: String) -> String {
        SigV4Encoding.hex(Array(text.utf8))
    }

    static let cases: [SigV4Case] = [
        SigV4Case(name: "aws-example-get-range", method: "GET", endpoint: "https://examplebucket.s3.amazonaws.com", path: "/test.txt", headers: [["Range", "bytes=0-9"]]),
        SigV4Case(
            name: "aws-example-put-body", method: "PUT", endpoint: "https://examplebucket.s3.amazonaws.com", path: "/test$file.text",
            headers: [["x-amz-storage-class", "REDUCED_REDUNDANCY"]], body_hex: hex("Welcome to Amazon S3.")
        ),
        SigV4Case(name: "aws-example-lifecycle-flag", method: "GET", endpoint: "https://examplebucket.s3.amazonaws.com", path: "/", query: [["lifecycle", ""]]),
        SigV4Case(
            name: "aws-example-list", method: "GET", endpoint: "https://examplebucket.s3.amazonaws.com", path: "/",
            query: [["max-keys", "2"], ["prefix", "J"]]
        ),
        SigV4Case(
            name: "list-v2-prefix-token", method: "GET", endpoint: "http://127.0.0.1:5000", path: "/lake",
            query: [["list-type", "2"], ["prefix", "sales/orders/data/x=1 y/"], ["max-keys", "1000"], ["continuation-token", "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=+x"]]
        ),
        SigV4Case(name: "key-with-spaces", method: "GET", endpoint: "http://localhost:9000", path: "/lake/dir with space/file name.parquet"),
        SigV4Case(name: "key-unicode", method: "GET", endpoint: "https://s3.eu-west-1.amazonaws.com", path: "/lake/unicode/é 日本/データ.parquet", region: "eu-west-1"),
        SigV4Case(name: "key-reserved", method: "HEAD", endpoint: "https://s3.amazonaws.com", path: "/lake/reserved/a+b=c&d?e#f%25g~h!i"),
        SigV4Case(name: "key-more-reserved", method: "DELETE", endpoint: "https://s3.amazonaws.com", path: "/lake/$dollar,comma;semi:colon@at'quote(paren)*star"),
        SigV4Case(
            name: "upload-part-unsigned", method: "PUT", endpoint: "https://lake.s3.us-west-2.amazonaws.com", path: "/big/part 1.parquet",
            query: [["partNumber", "3"], ["uploadId", "VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA"]], body_hex: hex("part bytes"),
            unsigned: true, region: "us-west-2"
        ),
        SigV4Case(
            name: "upload-part-signed", method: "PUT", endpoint: "http://127.0.0.1:5000", path: "/lake/big/part.parquet",
            query: [["uploadId", "abc/def+ghi=="], ["partNumber", "10"]], body_hex: hex(String(repeating: "x", count: 300))
        ),
        SigV4Case(
            name: "delete-objects", method: "POST", endpoint: "http://127.0.0.1:5000", path: "/lake", query: [["delete", ""]],
            headers: [["Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg=="], ["Content-Type", "application/xml"]],
            body_hex: hex("<Delete><Quiet>true</Quiet><Object><Key>a &amp; b</Key></Object></Delete>")
        ),
        SigV4Case(name: "create-multipart", method: "POST", endpoint: "https://lake.s3.amazonaws.com", path: "/data/file.parquet", query: [["uploads", ""]]),
        SigV4Case(
            name: "session-token-head", method: "HEAD", endpoint: "https://s3.us-east-2.amazonaws.com", path: "/lake/metadata/v1.metadata.json",
            session_token: "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+session/token==", region: "us-east-2"
        ),
        SigV4Case(
            name: "put-if-none-match", method: "PUT", endpoint: "https://s3.amazonaws.com", path: "/lake/metadata/00001-abc.metadata.json",
            headers: [["If-None-Match", "*"]], body_hex: hex("{\"format-version\":2}"), session_token: "token"
        ),
        SigV4Case(
            name: "header-whitespace", method: "GET", endpoint: "http://127.0.0.1:5000", path: "/lake/k",
            headers: [["Range", "  bytes=100-199  "], ["X-Amz-Meta-Note", "a   b \t c"], ["User-Agent", "lagoa/1.0"]]
        ),
        SigV4Case(name: "put-empty-body", method: "PUT", endpoint: "http://127.0.0.1:5000", path: "/lake/empty"),
        SigV4Case(name: "default-port-dropped", method: "GET", endpoint: "https://s3.example.com:443", path: "/lake/k", query: [["versionId", "3/L4kqtJl40Nr8X8gdRQBpUMLUo"]]),
        SigV4Case(name: "explicit-http-port", method: "GET", endpoint: "http://minio.internal:80", path: "/lake/k", timestamp: 1_767_225_599),
        SigV4Case(
            name: "unicode-query-value", method: "GET", endpoint: "http://127.0.0.1:5000", path: "/lake",
            query: [["prefix", "unicode/é 日本/"], ["list-type", "2"]], timestamp: 1_800_000_000
        ),
        SigV4Case(
            name: "complete-multipart", method: "POST", endpoint: "http://127.0.0.1:5000", path: "/lake/big file.bin",
            query: [["uploadId", "2~iCw_lDHoKM3DVc4hPzKpEXS2Zf-lT_U"]], headers: [["Content-Type", "application/xml"]],
            body_hex: hex("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"abc\"</ETag></Part></CompleteMultipartUpload>"),
            access_key: "ASIAEXAMPLE", secret_key: "secret+/=", session_token: "tok", region: "ap-southeast-2"
        ),
    ]
}
