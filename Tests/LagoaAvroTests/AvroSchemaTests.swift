import LagoaAvro
import Testing

@Suite("Avro schema JSON")
struct AvroSchemaTests {
    @Test("Iceberg's manifest_entry schema survives parse → serialize byte for byte", arguments: [
        IcebergSchemas.manifestEntryV2, IcebergSchemas.manifestFileV2,
    ])
    func icebergRoundTrip(_ text: String) throws {
        let schema = try AvroSchema(json: text)
        let written = schema.json
        // Java writes "logicalType" after "items"; Lagoa writes it after "type". Both parse the same.
        #expect(try AvroSchema(json: written) == schema)
        #expect(try AvroSchema(json: written).json == written)
    }

    @Test("field-id, element-id, key/value ids and logicalType on arrays are kept as numbers and strings")
    func icebergAttributes() throws {
        let schema = try AvroSchema(json: IcebergSchemas.manifestEntryV2)
        guard case .record(let entry) = schema else { Issue.record("not a record"); return }
        #expect(entry.fields.map(\.fieldID) == [0, 1, 3, 4, 2])
        #expect(entry.index(of: "data_file") == 4)
        guard case .record(let dataFile) = entry.fields[4].type else { Issue.record("data_file is not a record"); return }
        #expect(dataFile.name == "r2")
        let columnSizes = try #require(dataFile.field("column_sizes"))
        #expect(columnSizes.fieldID == 108)
        #expect(columnSizes.default == .null)
        guard case .logical(.custom("map"), .array(.record(let pair), _), _) = columnSizes.type.nonNullBranch else {
            Issue.record("column_sizes is \(columnSizes.type)")
            return
        }
        #expect(pair.name == "k117_v118")
        #expect(pair.fields.map(\.fieldID) == [117, 118])
        let splitOffsets = try #require(dataFile.field("split_offsets")?.type.nonNullBranch)
        #expect(splitOffsets == .array(.long, properties: ["element-id": 133]))
        #expect(dataFile.field("content")?.doc == "Contents of the file: 0=data, 1=position deletes, 2=equality deletes")
    }

    @Test("maps keep key-id and value-id; primitives in object form; custom attributes on primitives")
    func attributes() throws {
        let text = #"""
            {"type":"record","name":"t","namespace":"x.y","fields":[\#
            {"name":"m","type":{"type":"map","values":"long","key-id":5,"value-id":6}},\#
            {"name":"p","type":{"type":"long"}},\#
            {"name":"q","type":{"type":"int","note":"hi","weight":1.5}},\#
            {"name":"ts","type":{"type":"long","logicalType":"timestamp-micros","adjust-to-utc":false},"field-id":3}]}
            """#
        let schema = try AvroSchema(json: text)
        guard case .record(let record) = schema else { Issue.record("not a record"); return }
        #expect(record.fullName == "x.y.t")
        #expect(record.fields[0].type == .map(.long, properties: ["key-id": 5, "value-id": 6]))
        #expect(record.fields[1].type == .long)
        #expect(record.fields[2].type == .annotated(.int, properties: ["note": "hi", "weight": 1.5]))
        #expect(record.fields[3].type == .logical(.timestampMicros, .long, properties: ["adjust-to-utc": false]))
        #expect(
            schema.json
                == #"{"type":"record","name":"t","namespace":"x.y","fields":[{"name":"m","type":{"type":"map","values":"long","key-id":5,"value-id":6}},{"name":"p","type":"long"},{"name":"q","type":{"type":"int","note":"hi","weight":1.5}},{"name":"ts","type":{"type":"long","logicalType":"timestamp-micros","adjust-to-utc":false},"field-id":3}]}"#
        )
    }

    @Test("logical types are recognised on their physical types only")
    func logicalTypes() throws {
        let cases: [(String, AvroSchema)] = [
            (#"{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}"#, .logical(.decimal(precision: 9, scale: 2), .bytes)),
            (#"{"type":"string","logicalType":"uuid"}"#, .logical(.uuid, .string)),
            (#"{"type":"int","logicalType":"date"}"#, .logical(.date, .int)),
            (#"{"type":"int","logicalType":"time-millis"}"#, .logical(.timeMillis, .int)),
            (#"{"type":"long","logicalType":"time-micros"}"#, .logical(.timeMicros, .long)),
            (#"{"type":"long","logicalType":"timestamp-millis"}"#, .logical(.timestampMillis, .long)),
            (#"{"type":"long","logicalType":"timestamp-nanos"}"#, .logical(.timestampNanos, .long)),
            (#"{"type":"long","logicalType":"local-timestamp-millis"}"#, .logical(.localTimestampMillis, .long)),
            (#"{"type":"long","logicalType":"local-timestamp-micros"}"#, .logical(.localTimestampMicros, .long)),
            (#"{"type":"long","logicalType":"local-timestamp-nanos"}"#, .logical(.localTimestampNanos, .long)),
            // Not allowed on that type, or invalid: kept as written, read as the physical type.
            (#"{"type":"string","logicalType":"date"}"#, .logical(.custom("date"), .string)),
            (
                #"{"type":"bytes","logicalType":"decimal","precision":2,"scale":3}"#,
                .logical(.custom("decimal"), .bytes, properties: ["precision": 2, "scale": 3])
            ),
        ]
        for (text, expected) in cases {
            let schema = try AvroSchema(json: text)
            #expect(schema == expected, "\(text)")
            #expect(schema.json == text)
            #expect(try AvroSchema(json: schema.json) == schema)
        }
        let fixed = try AvroSchema(json: #"{"type":"fixed","name":"d","size":16,"logicalType":"decimal","precision":38,"scale":10}"#)
        #expect(fixed == .logical(.decimal(precision: 38, scale: 10), .fixed(AvroFixedSchema(name: "d", size: 16))))
        #expect(fixed.json == #"{"type":"fixed","logicalType":"decimal","precision":38,"scale":10,"name":"d","size":16}"#)
        let tooPrecise = try AvroSchema(json: #"{"type":"fixed","name":"d","size":4,"logicalType":"decimal","precision":10}"#)
        #expect(tooPrecise.logicalType == .custom("decimal"))
        let uuid = try AvroSchema(json: #"{"type":"fixed","name":"u","size":16,"logicalType":"uuid"}"#)
        #expect(uuid.logicalType == .uuid)
    }

    @Test("named types are defined once and referenced by name, relative to the namespace")
    func namedReferences() throws {
        let text = #"""
            {"type":"record","name":"a.Outer","fields":[\#
            {"name":"x","type":{"type":"fixed","name":"F","size":2}},\#
            {"name":"y","type":"F"},{"name":"z","type":["null","a.F"]},\#
            {"name":"e","type":{"type":"enum","name":"E","namespace":"b","symbols":["P","Q"],"default":"P"}},\#
            {"name":"e2","type":"b.E"}]}
            """#
        let schema = try AvroSchema(json: text)
        guard case .record(let record) = schema else { Issue.record("not a record"); return }
        #expect(record.namespace == "a" && record.name == "Outer")
        let f = AvroSchema.fixed(AvroFixedSchema(name: "F", namespace: "a", size: 2))
        #expect(record.fields[1].type == f)
        #expect(record.fields[2].type == .union([.null, f]))
        #expect(record.fields[4].type == record.fields[3].type)
        #expect(
            schema.json
                == #"{"type":"record","name":"Outer","namespace":"a","fields":[{"name":"x","type":{"type":"fixed","name":"F","size":2}},{"name":"y","type":"F"},{"name":"z","type":["null","F"]},{"name":"e","type":{"type":"enum","name":"E","namespace":"b","symbols":["P","Q"],"default":"P"}},{"name":"e2","type":"b.E"}]}"#
        )
        #expect(
            schema.canonicalForm
                == #"{"name":"a.Outer","type":"record","fields":[{"name":"x","type":{"name":"a.F","type":"fixed","size":2}},{"name":"y","type":"a.F"},{"name":"z","type":["null","a.F"]},{"name":"e","type":{"name":"b.E","type":"enum","symbols":["P","Q"]}},{"name":"e2","type":"b.E"}]}"#
        )
    }

    @Test("a recursive record refers to itself by name")
    func recursive() throws {
        let text = #"{"type":"record","name":"Node","fields":[{"name":"v","type":"int"},{"name":"next","type":["null","Node"]}]}"#
        let schema = try AvroSchema(json: text)
        guard case .record(let record) = schema else { Issue.record("not a record"); return }
        #expect(record.fields[1].type == .union([.null, .reference("Node")]))
        #expect(schema.json == text)
    }

    @Test("canonical form strips docs, attributes and logical types")
    func canonicalForm() throws {
        let schema = try AvroSchema(json: IcebergSchemas.manifestFileV2)
        let canonical = schema.canonicalForm
        #expect(!canonical.contains("field-id") && !canonical.contains("doc"))
        #expect(canonical.hasPrefix(#"{"name":"manifest_file","type":"record","fields":[{"name":"manifest_path","type":"string"}"#))
        #expect(try AvroSchema(json: #"{"type":"long","logicalType":"date"}"#).canonicalForm == #""long""#)
    }

    static let invalidCases: [(String, String)] = [
        ("", "invalid Avro schema JSON at offset 0: unexpected end of text"),
        ("{\"type\":\"record\"", "invalid Avro schema JSON at offset 16: unexpected end of text in an object"),
        ("\"lng\"", "invalid Avro schema at schema: unknown type 'lng'; define a named type before using its name"),
        ("{\"name\":\"x\"}", "invalid Avro schema at schema: the object has no \"type\""),
        ("{\"type\":\"record\",\"name\":\"r\"}", "invalid Avro schema at record 'r': a record needs a \"fields\" array"),
        (
            "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"a\",\"type\":\"int\"}]}",
            "invalid Avro schema at record 'r': two fields are named 'a'"
        ),
        ("{\"type\":\"array\"}", "invalid Avro schema at schema: the array has no \"items\""),
        ("[\"int\",\"int\"]", "invalid Avro schema at schema: the union contains int twice"),
        ("[\"null\",[\"int\"]]", "invalid Avro schema at schema: a union may not directly contain another union"),
        ("{\"type\":\"fixed\",\"name\":\"f\",\"size\":-1}", "invalid Avro schema at fixed 'f': a fixed type needs a non-negative integer \"size\""),
        ("{\"type\":\"enum\",\"name\":\"e\",\"symbols\":[\"A\",\"A\"]}", "invalid Avro schema at enum 'e': the symbols are not unique"),
        (
            "{\"type\":\"enum\",\"name\":\"e\",\"symbols\":[\"A\"],\"default\":\"B\"}",
            "invalid Avro schema at enum 'e': the default 'B' is not one of the symbols"
        ),
        (
            "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"a\",\"type\":{\"type\":\"fixed\",\"name\":\"r\",\"size\":1}}]}",
            "invalid Avro schema at field 'r.a': type 'r' is defined twice"
        ),
        ("42", "invalid Avro schema at schema: expected a type name, an object or an array, found 42"),
    ]

    @Test("invalid schema JSON is rejected with a message saying where", arguments: invalidCases)
    func invalid(_ text: String, _ message: String) {
        #expect {
            _ = try AvroSchema(json: text)
        } throws: { error in
            (error as? AvroError)?.message == message && (error as? AvroError)?.code == .invalidSchema
        }
    }

    @Test("JSON strings with escapes, surrogate pairs and numbers round-trip")
    func jsonText() throws {
        let text = #"{"type":"int","doc-like":"tab\t quote\" \u00e9 \ud83e\udd86","big":-9007199254740993,"x":1e300}"#
        let schema = try AvroSchema(json: text)
        guard case .annotated(.int, let properties) = schema else { Issue.record("\(schema)"); return }
        #expect(properties["doc-like"] == .string("tab\t quote\" é 🦆"))
        #expect(properties["big"] == .int(-9_007_199_254_740_993))
        #expect(properties["x"] == .double(1e300))
        #expect(try AvroSchema(json: schema.json) == schema)
    }
}
