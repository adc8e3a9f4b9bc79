import Foundation
@testable import LagoaObjectStoreS3
import LagoaTesting
import Testing

/// SigV4 against fixed signatures taken once from botocore (`scripts/interop/sigv4_oracle.py`);
/// the first one is also AWS's own documented example (GET /test.txt with a Range header).
@Suite struct SigV4SignerTests {
    static let awsExample = S3Credentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    static let may24 = SigV4Timestamp(secondsSince1970: 1_369_353_600)

    @Test func awsDocumentedGetObjectExample() {
        let signature = SigV4Signer(credentials: Self.awsExample, region: "us-east-1").sign(
            SigV4Request(method: "GET", host: "examplebucket.s3.amazonaws.com", encodedPath: "/test.txt", headers: [("Range", "bytes=0-9")], payload: .bytes([])),
            at: Self.may24
        )
        #expect(
            signature.canonicalRequest
                == "GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\nx-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\nx-amz-date:20130524T000000Z\n\nhost;range;x-amz-content-sha256;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        )
        #expect(
            signature.stringToSign
                == "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972"
        )
        #expect(
            signature.authorization
                == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
        )
        #expect(signature.headers.map(\.name) == ["x-amz-date", "x-amz-content-sha256", "authorization"])
    }

    @Test func unsignedPayloadUploadPart() {
        let signature = SigV4Signer(credentials: Self.awsExample, region: "us-west-2").sign(
            SigV4Request(
                method: "PUT",
                host: "lake.s3.us-west-2.amazonaws.com",
                encodedPath: SigV4Encoding.uriEncode("/big/part 1.parquet", keepSlash: true),
                query: [("partNumber", "3"), ("uploadId", "VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA")],
                payload: .unsigned
            ),
            at: Self.may24
        )
        #expect(
            signature.canonicalRequest
                == "PUT\n/big/part%201.parquet\npartNumber=3&uploadId=VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA\nhost:lake.s3.us-west-2.amazonaws.com\nx-amz-content-sha256:UNSIGNED-PAYLOAD\nx-amz-date:20130524T000000Z\n\nhost;x-amz-content-sha256;x-amz-date\nUNSIGNED-PAYLOAD"
        )
        #expect(signature.signature == "f1e1cbc4ae2fdae7ac0eae51514d9f47a602ca1c7e7f4488385267814ac1fdb3")
    }

    @Test func reservedCharactersAndSessionToken() {
        let credentials = S3Credentials(accessKeyID: Self.awsExample.accessKeyID, secretAccessKey: Self.awsExample.secretAccessKey, sessionToken: "tok/en+=")
        let signature = SigV4Signer(credentials: credentials, region: "us-east-1").sign(
            SigV4Request(
                method: "HEAD",
                host: "s3.amazonaws.com",
                encodedPath: SigV4Encoding.uriEncode("/lake/reserved/a+b=c&d?e#f%25g~h!i", keepSlash: true),
                payload: .bytes([])
            ),
            at: Self.may24
        )
        #expect(signature.canonicalRequest.split(separator: "\n").prefix(2) == ["HEAD", "/lake/reserved/a%2Bb%3Dc%26d%3Fe%23f%2525g~h%21i"])
        #expect(
            signature.authorization
                == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=f0575382622172a4f1bb0e5f2ed02b81a91d315804ffd85f6b7a4d10db3bdd5a"
        )
        #expect(signature.headers.contains { $0.name == "x-amz-security-token" && $0.value == "tok/en+=" })
    }

    @Test func deleteObjectsWithBody() {
        let signature = SigV4Signer(credentials: S3Credentials(accessKeyID: "AK", secretAccessKey: "SK"), region: "eu-central-1").sign(
            SigV4Request(
                method: "POST",
                host: "127.0.0.1:5000",
                encodedPath: "/lake",
                query: [("delete", "")],
                headers: [("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg=="), ("Content-Type", "application/xml")],
                payload: .bytes(Array("<Delete/>".utf8))
            ),
            at: SigV4Timestamp(secondsSince1970: 1_769_000_000)
        )
        #expect(signature.stringToSign.hasSuffix("\ne2ede2af7308a71021c29bd75a35644a260a78202f0245417564cc0becc43be9"))
        #expect(signature.signature == "4aebac1db8b6e1d63d185f3bd68a80c8654905a09dc9bf0e55f25f7630f0858d")
    }

    @Test func signingKeyIsCachedPerDay() {
        let signer = SigV4Signer(credentials: Self.awsExample, region: "us-east-1")
        let request = SigV4Request(method: "GET", host: "h", encodedPath: "/", payload: .bytes([]))
        let first = signer.sign(request, at: Self.may24)
        let sameDay = signer.sign(request, at: SigV4Timestamp(secondsSince1970: 1_369_353_600 + 3600))
        let nextDay = signer.sign(request, at: SigV4Timestamp(secondsSince1970: 1_369_353_600 + 86_400))
        #expect(first.signature != sameDay.signature)
        #expect(nextDay.authorization.contains("/20130525/us-east-1/s3/aws4_request"))
        // A fresh signer computes the same next-day signature: the cache holds the right key.
        #expect(SigV4Signer(credentials: Self.awsExample, region: "us-east-1").sign(request, at: SigV4Timestamp(secondsSince1970: 1_369_353_600 + 86_400)).signature == nextDay.signature)
    }

    @Test func encodingHelpers() {
        #expect(SigV4Encoding.uriEncode("a b/é~-_.") == "a%20b%2F%C3%A9~-_.")
        #expect(SigV4Encoding.uriEncode("a b/é", keepSlash: true) == "a%20b/%C3%A9")
        #expect(SigV4Encoding.base64(Array("".utf8)) == "")
        #expect(SigV4Encoding.base64(Array("f".utf8)) == "Zg==")
        #expect(SigV4Encoding.base64(Array("fo".utf8)) == "Zm8=")
        #expect(SigV4Encoding.base64(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(SigV4Timestamp(secondsSince1970: 1_769_000_000).amzDate == "20260121T125320Z")
        #expect(String(describing: Self.awsExample).contains("EXAMPLEKEY") == false)
    }
}

/// Every request of ``SigV4Table`` signed by Lagoa and by botocore, compared byte for byte.
@Suite(.enabled(if: integrationEnabled, "compares with botocore only with LAGOA_INTEGRATION=1"))
struct SigV4OracleTests {
    struct OracleAnswer: Decodable {
        var canonical_request: String
        var string_to_sign: String
        var authorization: String
    }

    static func oracle() throws -> [OracleAnswer] {
        let python = TestPaths.environment("LAGOA_PYTHON") ?? TestPaths.repositoryRoot() + "/.venv/bin/python"
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-sigv4")
        defer { TestPaths.remove(folder) }
        let input = folder + "/cases.json"
        try JSONEncoder().encode(SigV4Table.cases).write(to: URL(fileURLWithPath: input))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [TestPaths.repositoryRoot() + "/scripts/interop/sigv4_oracle.py", input]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "sigv4_oracle.py failed")
        return try JSONDecoder().decode([OracleAnswer].self, from: output)
    }

    @Test func everyRequestMatchesBotocore() throws {
        #expect(SigV4Table.cases.count >= 15)
        let answers = try Self.oracle()
        try #require(answers.count == SigV4Table.cases.count)
        for (testCase, expected) in zip(SigV4Table.cases, answers) {
            let actual = try testCase.sign()
            #expect(actual.canonicalRequest == expected.canonical_request, "\(testCase.name): canonical request")
            #expect(actual.stringToSign == expected.string_to_sign, "\(testCase.name): string to sign")
            #expect(actual.authorization == expected.authorization, "\(testCase.name): authorization")
        }
    }
}
