import LagoaAvro
import Testing

@Suite("Avro schema resolution")
struct AvroResolutionTests {
    /// Writes `values` with `writer` and reads them back with `reader`.
    static func resolve(_ values: [AvroValue], writer: AvroSchema, reader: AvroSchema) throws -> [AvroValue] {
        var file = try AvroFileWriter(schema: writer, codec: .null, name: "r.avro")
        try file.append(contentsOf: values)
        return try AvroFileReader(bytes: try file.finish(), name: "r.avro").records(readerSchema: reader)
    }

    static func message(_ values: [AvroValue], writer: AvroSchema, reader: AvroSchema) -> String? {
        do {
            _ = try resolve(values, writer: writer, reader: reader)
            return nil
        } catch {
            return (error as? AvroError)?.message ?? "\(error)"
        }
    }

    static func record(_ name: String, _ fields: [AvroField]) -> AvroSchema {
        .record(AvroRecordSchema(name: name, fields: fields))
    }

    @Test("numeric and string/bytes promotions")
    func promotions() throws {
        #expect(try Self.resolve([.int(-3)], writer: .int, reader: .long) == [.long(-3)])
        #expect(try Self.resolve([.int(-3)], writer: .int, reader: .float) == [.float(-3)])
        #expect(try Self.resolve([.int(-3)], writer: .int, reader: .double) == [.double(-3)])
        #expect(try Self.resolve([.long(1 << 40)], writer: .long, reader: .float) == [.float(Float(1 << 40))])
        #expect(try Self.resolve([.long(1 << 40)], writer: .long, reader: .double) == [.double(Double(1 << 40))])
        #expect(try Self.resolve([.float(1.5)], writer: .float, reader: .double) == [.double(1.5)])
        #expect(try Self.resolve([.string("hé")], writer: .string, reader: .bytes) == [.bytes(Array("hé".utf8))])
        #expect(try Self.resolve([.bytes([0x41])], writer: .bytes, reader: .string) == [.string("A")])
        #expect(Self.message([.long(1)], writer: .long, reader: .int) == "'r.avro': writer type long cannot be read as reader type int at 'value'")
    }

    @Test("records match fields by name and alias, skip writer-only fields and fill reader defaults")
    func records() throws {
        let writer = Self.record("w", [
            AvroField(name: "a", type: .int), AvroField(name: "gone", type: .map(.array(.string))),
            AvroField(name: "old_b", type: .string), AvroField(name: "c", type: .union([.null, .long])),
        ])
        let reader = Self.record("r", [
            AvroField(name: "c", type: .union([.null, .long])),
            AvroField(name: "b", type: .string, aliases: ["old_b"]),
            AvroField(name: "new", type: .union([.null, .long]), default: .null),
            AvroField(name: "d", type: .long, default: 7),
            AvroField(name: "a", type: .long),
            AvroField(name: "bytes", type: .bytes, default: "\u{00}\u{FF}"),
            AvroField(name: "rec", type: Self.record("sub", [AvroField(name: "x", type: .int, default: 1)]), default: [:]),
        ])
        let values: [AvroValue] = [
            .record([.int(1), .map([AvroMapEntry(key: "k", value: .array([.string("z")]))]), .string("bee"), .long(9)]),
            .record([.int(2), .map([]), .string(""), .null]),
        ]
        #expect(try Self.resolve(values, writer: writer, reader: reader) == [
            .record([.long(9), .string("bee"), .null, .long(7), .long(1), .bytes([0, 255]), .record([.int(1)])]),
            .record([.null, .string(""), .null, .long(7), .long(2), .bytes([0, 255]), .record([.int(1)])]),
        ])
    }

    @Test("a reader field missing from the writer without default is an error naming it")
    func missingDefault() {
        let writer = Self.record("manifest_file", [AvroField(name: "manifest_path", type: .string)])
        let reader = Self.record("manifest_file", [
            AvroField(name: "manifest_path", type: .string), AvroField(name: "sequence_number", type: .long),
        ])
        #expect(
            Self.message([.record([.string("p")])], writer: writer, reader: reader)
                == "'r.avro': reader field 'sequence_number' of record 'manifest_file' is not in the writer schema and has no default"
        )
    }

    @Test("enum symbols map by name; unknown symbols take the reader default or fail when read")
    func enums() throws {
        let writer = AvroSchema.enumeration(AvroEnumSchema(name: "e", symbols: ["A", "B", "C"]))
        let reader = AvroSchema.enumeration(AvroEnumSchema(name: "e", symbols: ["C", "A", "Z"], default: "Z"))
        let values: [AvroValue] = [.enumeration(index: 0, symbol: "A"), .enumeration(index: 1, symbol: "B"), .enumeration(index: 2, symbol: "C")]
        #expect(try Self.resolve(values, writer: writer, reader: reader) == [
            .enumeration(index: 1, symbol: "A"), .enumeration(index: 2, symbol: "Z"), .enumeration(index: 0, symbol: "C"),
        ])
        let strict = AvroSchema.enumeration(AvroEnumSchema(name: "e", symbols: ["C", "A"]))
        #expect(try Self.resolve([values[0]], writer: writer, reader: strict) == [.enumeration(index: 1, symbol: "A")])
        #expect(
            Self.message(values, writer: writer, reader: strict)
                == "'r.avro': block 1: object 2 of 3: writer symbol 'B' is not in reader enum 'e', which has no default"
        )
    }

    @Test("unions on either side resolve by the first matching branch")
    func unions() throws {
        // Writer union, reader not a union: each branch resolves against the reader.
        #expect(try Self.resolve([.int(1), .long(2)], writer: .union([.int, .long]), reader: .long) == [.long(1), .long(2)])
        // Branches the reader lacks fail only when data uses them.
        #expect(try Self.resolve([.long(2)], writer: .union([.null, .long]), reader: .long) == [.long(2)])
        #expect(
            Self.message([.null], writer: .union([.null, .long]), reader: .long)
                == "'r.avro': block 1: object 1 of 1: writer type null cannot be read as reader type long at 'value'"
        )
        // Reader union, writer not: exact branch first, then promotion.
        #expect(try Self.resolve([.int(3)], writer: .int, reader: .union([.null, .string, .long])) == [.long(3)])
        #expect(try Self.resolve([.int(3)], writer: .int, reader: .union([.long, .int])) == [.int(3)])
        // Both unions, different order.
        #expect(try Self.resolve([.null, .string("x")], writer: .union([.null, .string]), reader: .union([.string, .null])) == [.null, .string("x")])
        // Named types choose by unqualified name.
        let wa = AvroSchema.record(AvroRecordSchema(name: "a", namespace: "w", fields: [AvroField(name: "x", type: .int)]))
        let wb = AvroSchema.record(AvroRecordSchema(name: "b", namespace: "w", fields: [AvroField(name: "y", type: .string)]))
        let ra = AvroSchema.record(AvroRecordSchema(name: "a", namespace: "r", fields: [AvroField(name: "x", type: .long)]))
        let rb = AvroSchema.record(AvroRecordSchema(name: "b", namespace: "r", fields: [AvroField(name: "y", type: .string)]))
        #expect(
            try Self.resolve([.record([.string("s")]), .record([.int(4)])], writer: .union([wa, wb]), reader: .union([.null, rb, ra]))
                == [.record([.string("s")]), .record([.long(4)])]
        )
        #expect(
            Self.message([.int(1)], writer: .int, reader: .union([.null, .string]))
                == "'r.avro': writer type int matches no branch of reader union [null, string] at 'value'"
        )
    }

    @Test("arrays, maps and fixed resolve their items; fixed sizes must agree")
    func containers() throws {
        #expect(try Self.resolve([.array([.int(1), .int(2)])], writer: .array(.int), reader: .array(.double)) == [.array([.double(1), .double(2)])])
        #expect(
            try Self.resolve([.map([AvroMapEntry(key: "k", value: .float(0.5))])], writer: .map(.float), reader: .map(.double))
                == [.map([AvroMapEntry(key: "k", value: .double(0.5))])]
        )
        let f2 = AvroSchema.fixed(AvroFixedSchema(name: "f", size: 2))
        let f3 = AvroSchema.fixed(AvroFixedSchema(name: "f", size: 3))
        #expect(
            Self.message([.fixed([1, 2])], writer: f2, reader: f3)
                == "'r.avro': writer fixed 'f' has 2 bytes, reader fixed 'f' 3 at 'f'"
        )
    }

    @Test("a v1 manifest list reads with a v2 reader schema through defaults")
    func icebergV1ToV2() throws {
        let v2 = try AvroSchema(json: IcebergSchemas.manifestFileV2)
        guard case .record(var v1Record) = v2 else { return }
        // v1 lacks content, sequence numbers; give the v2 reader defaults for them.
        v1Record.fields.removeAll { ["content", "sequence_number", "min_sequence_number"].contains($0.name) }
        guard case .record(var reader) = v2 else { return }
        for name in ["content", "sequence_number", "min_sequence_number"] {
            reader.fields[reader.index(of: name)!].default = 0
        }
        let v1Value = AvroValue.record([
            .string("s3://m.avro"), .long(100), .int(0), .long(1), .int(1), .int(0), .int(0), .long(5), .long(0), .long(0),
            .array([.record([.boolean(false), .null, .bytes([1]), .bytes([2])])]), .null,
        ])
        let read = try Self.resolve([v1Value], writer: .record(v1Record), reader: .record(reader))
        #expect(read == [
            .record([
                .string("s3://m.avro"), .long(100), .int(0), .int(0), .long(0), .long(0), .long(1), .int(1), .int(0), .int(0),
                .long(5), .long(0), .long(0), .array([.record([.boolean(false), .null, .bytes([1]), .bytes([2])])]), .null,
            ])
        ])
    }
}
