import LagoaObjectStore
@testable import LagoaObjectStoreS3
import Testing

@Suite struct S3XMLTests {
    @Test func listBucketResult() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Name>lake</Name><Prefix>a/</Prefix><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys>
              <IsTruncated>true</IsTruncated>
              <!-- a comment -->
              <Contents><Key>a/x &amp; y &lt;1&gt; &#233;&#x65E5;</Key><LastModified>2026-01-21T12:53:20.123Z</LastModified>
                <ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag><Size>434234</Size><StorageClass>STANDARD</StorageClass></Contents>
              <Contents><Key><![CDATA[a/<raw>]]></Key><LastModified>2009-10-12T17:50:30Z</LastModified><ETag>"x"</ETag><Size>0</Size></Contents>
              <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
            </ListBucketResult>
            """
        let page = try S3ListPage(Array(xml.utf8), name: "s3://lake/a/")
        #expect(page.entries.map(\.key) == ["a/x & y <1> é日", "a/<raw>"])
        #expect(page.entries.map(\.size) == [434_234, 0])
        #expect(page.entries.map(\.eTag) == ["9b2cf535f27731c974343645a3985328", "x"])
        #expect(page.entries.map(\.lastModifiedMillis) == [1_769_000_000_123, 1_255_369_830_000])
        #expect(page.isTruncated)
        #expect(page.nextContinuationToken == "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=")
    }

    @Test func namespacePrefixesAndSelfClosingElements() throws {
        let root = try XMLNode.parse(Array("<s3:Result xmlns:s3='x' a=\"1>2\"><s3:Empty/><Item>v</Item></s3:Result>".utf8))
        #expect(root.name == "Result")
        #expect(root.children.map(\.name) == ["Empty", "Item"])
        #expect(root.text(of: "Item") == "v")
    }

    @Test(arguments: [
        ("<a><b></a>", "malformed XML at byte 9: </a> closes <b>"),
        ("<a>&bogus;</a>", "malformed XML at byte 10: an unknown entity '&bogus;'"),
        ("", "no root element"),
        ("<a>text", "malformed XML at byte 7: end of input inside <a>"),
    ])
    func malformedXML(_ xml: String, _ message: String) {
        #expect {
            _ = try XMLNode.parse(Array(xml.utf8))
        } throws: { error in
            (error as? XMLParseError)?.description == message
        }
    }

    @Test func errorRootBecomesAnError() {
        do {
            _ = try parseS3XML(ScriptedTransport.errorBody("InternalError", "We encountered an internal error."), expecting: "CompleteMultipartUploadResult", name: "s3://lake/k")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unavailable)
            #expect(error.message == "s3://lake/k: 500 InternalError: We encountered an internal error.")
        }
    }

    @Test func dates() {
        #expect(S3Dates.httpDateMillis("Wed, 21 Jan 2026 12:53:20 GMT") == 1_769_000_000_000)
        #expect(S3Dates.iso8601Millis("2026-01-21T12:53:20.5Z") == 1_769_000_000_500)
        #expect(S3Dates.iso8601Millis("garbage") == nil)
    }

    @Test func escaping() {
        #expect(xmlEscape("a&b<c>\"d'\r") == "a&amp;b&lt;c&gt;&quot;d&apos;&#13;")
    }
}
