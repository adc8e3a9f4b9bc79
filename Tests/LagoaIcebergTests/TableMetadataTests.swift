import LagoaIceberg
import LagoaJSON
import Testing

@Suite struct TableMetadataTests {
    static let v2 = """
        {"format-version":2,"table-uuid":"9c12d441-03fe-4693-9a96-a0705ddf69c1","location":"s3://bucket/test/location",
        "last-sequence-number":34,"last-updated-ms":1602638573590,"last-column-id":3,"current-schema-id":1,
        "schemas":[{"type":"struct","schema-id":0,"fields":[{"id":1,"name":"x","required":true,"type":"long"}]},
        {"type":"struct","schema-id":1,"identifier-field-ids":[1,2],"fields":[{"id":1,"name":"x","required":true,"type":"long"},
        {"id":2,"name":"y","required":true,"type":"long","doc":"comment"},{"id":3,"name":"z","required":true,"type":"long"},
        {"id":4,"name":"tags","required":false,"type":{"type":"list","element-id":5,"element":"string","element-required":false}},
        {"id":6,"name":"attrs","required":false,"type":{"type":"map","key-id":7,"key":"string","value-id":8,"value":"decimal(9, 2)","value-required":true}}]}],
        "default-spec-id":0,"partition-specs":[{"spec-id":0,"fields":[{"name":"x","transform":"identity","source-id":1,"field-id":1000}]}],
        "last-partition-id":1000,"default-sort-order-id":3,"sort-orders":[{"order-id":3,"fields":[{"transform":"identity","source-id":2,
        "direction":"asc","null-order":"nulls-first"},{"transform":"bucket[4]","source-id":3,"direction":"desc","null-order":"nulls-last"}]}],
        "properties":{"read.split.target.size":"134217728"},"current-snapshot-id":3055729675574597004,
        "snapshots":[{"snapshot-id":3051729675574597004,"timestamp-ms":1515100955770,"sequence-number":0,"summary":{"operation":"append"},
        "manifest-list":"s3://a/b/1.avro"},{"snapshot-id":3055729675574597004,"parent-snapshot-id":3051729675574597004,
        "timestamp-ms":1555100955770,"sequence-number":1,"summary":{"operation":"append"},"manifest-list":"s3://a/b/2.avro","schema-id":1}],
        "snapshot-log":[{"snapshot-id":3051729675574597004,"timestamp-ms":1515100955770},{"snapshot-id":3055729675574597004,"timestamp-ms":1555100955770}],
        "metadata-log":[],"refs":{"test":{"snapshot-id":3051729675574597004,"type":"tag","max-ref-age-ms":10000000}},
        "statistics":[{"snapshot-id":3055729675574597004,"statistics-path":"s3://a/b/stats.puffin","file-size-in-bytes":413,"file-footer-size-in-bytes":42,"blob-metadata":[]}]}
        """

    @Test func readsAndRewritesV2() throws {
        let metadata = try TableMetadata(jsonBytes: Array(Self.v2.utf8), file: "v2.metadata.json")
        #expect(metadata.formatVersion == 2)
        #expect(metadata.schema.schemaID == 1)
        #expect(metadata.schema.fields.count == 5)
        #expect(metadata.schema.identifierFieldIDs == [1, 2])
        #expect(metadata.schema.columnName(id: 8) == "attrs.value")
        #expect(metadata.defaultSpec.fields[0].transform == .identity)
        #expect(metadata.sortOrders[0].fields[1].transform == .bucket(4))
        #expect(metadata.currentSnapshot?.manifestList == "s3://a/b/2.avro")
        #expect(metadata.refs["main"]?.snapshotID == 3_055_729_675_574_597_004)
        #expect(metadata.refs["test"]?.kind == .tag)
        #expect(metadata.snapshot(asOf: 1_515_100_955_771)?.snapshotID == 3_051_729_675_574_597_004)
        #expect(metadata.ancestors(of: metadata.currentSnapshotID).count == 2)
        let again = try TableMetadata(jsonBytes: metadata.jsonBytes, file: "again")
        #expect(again == metadata)
        #expect(again.json.text.contains("\"statistics-path\":\"s3://a/b/stats.puffin\""))
    }

    @Test func readsV1() throws {
        let v1 = """
            {"format-version":1,"table-uuid":"d20125c8-7284-442c-9aea-15fee620737c","location":"/tmp/t","last-updated-ms":1602638573874,
            "last-column-id":3,"schema":{"type":"struct","fields":[{"id":1,"name":"x","required":true,"type":"long"},
            {"id":2,"name":"y","required":true,"type":"long"},{"id":3,"name":"z","required":true,"type":"long"}]},
            "partition-spec":[{"name":"x","transform":"identity","source-id":1,"field-id":1000}],"properties":{},
            "current-snapshot-id":-1,"snapshots":[]}
            """
        let metadata = try TableMetadata(jsonBytes: Array(v1.utf8), file: "v1.metadata.json")
        #expect(metadata.formatVersion == 1)
        #expect(metadata.schema.fields.map(\.name) == ["x", "y", "z"])
        #expect(metadata.defaultSpec.fields.count == 1)
        #expect(metadata.lastPartitionID == 1000)
        #expect(metadata.currentSnapshot == nil)
    }

    @Test(arguments: [
        ("{", "m.json: not valid JSON (line 1, column 2: expected a string key or '}', found end of input); the metadata file is corrupt"),
        ("[]", "m.json: the document must be a JSON object"),
        ("{\"format-version\":3}", "m.json: format-version 3 is not supported; Lagoa reads versions 1 and 2"),
        ("{\"format-version\":2,\"schemas\":[{\"fields\":[{\"id\":\"1\"}]}]}", "m.json: schemas[0].fields[0].id must be an integer"),
        ("{\"format-version\":2,\"schemas\":[{\"fields\":[{\"id\":1,\"name\":\"a\",\"type\":\"varchar\"}]}]}", "m.json: schemas[0].fields[0].type has unknown type 'varchar'"),
        ("{\"format-version\":2,\"current-schema-id\":4,\"schemas\":[{\"fields\":[]}]}", "m.json: current-schema-id names schema 4, which is not in 'schemas'"),
        ("{\"format-version\":2,\"schemas\":[{\"fields\":[]}],\"last-updated-ms\":1}", "m.json: location is missing"),
    ])
    func rejectsBrokenMetadata(_ text: String, _ message: String) {
        #expect {
            _ = try TableMetadata(jsonBytes: Array(text.utf8), file: "m.json")
        } throws: { error in
            let e = error as? IcebergError
            if e?.message != message { Issue.record("got: \(e?.message ?? "\(error)")") }
            return e?.message == message
        }
    }
}
