@testable import LagoaIceberg
import Testing

@Suite struct TransformTests {
    /// The hash values of the Iceberg spec, Appendix B.
    @Test func bucketHashesMatchTheSpec() throws {
        let cases: [(IcebergValue, Int32)] = [
            (.int(34), 2_017_239_379),
            (.long(34), 2_017_239_379),
            (.decimal(unscaled: 1420, scale: 2), -500_754_589),
            (try IcebergValue(parsing: "2017-11-16", as: .date), -653_330_422),
            (.time((22 * 3600 + 31 * 60 + 8) * 1_000_000), -662_762_989),
            (try IcebergValue(parsing: "2017-11-16T22:31:08", as: .timestamp), -2_047_944_441),
            (try IcebergValue(parsing: "2017-11-16T14:31:08-08:00", as: .timestamptz), -2_047_944_441),
            (.string("iceberg"), 1_210_000_089),
            (.uuid([0xf7, 0x9c, 0x3e, 0x09, 0x67, 0x7c, 0x4b, 0xbd, 0xa4, 0x79, 0x3f, 0x34, 0x9c, 0xb7, 0x85, 0xe7]), 1_488_055_340),
            (.binary([0, 1, 2, 3]), -188_683_207),
        ]
        for (value, hash) in cases {
            #expect(Murmur3.hash32(value.bucketBytes) == hash, "\(value)")
        }
        #expect(try Transform.bucket(16).apply(.int(34)) == .int(Int32((2_017_239_379 & Int(Int32.max)) % 16)))
    }

    @Test func truncateFollowsTheSpec() throws {
        #expect(try Transform.truncate(10).apply(.int(1)) == .int(0))
        #expect(try Transform.truncate(10).apply(.int(-1)) == .int(-10))
        #expect(try Transform.truncate(10).apply(.long(-11)) == .long(-20))
        #expect(try Transform.truncate(50).apply(.decimal(unscaled: 1065, scale: 2)) == .decimal(unscaled: 1050, scale: 2))
        #expect(try Transform.truncate(3).apply(.string("iceberg")) == .string("ice"))
        #expect(try Transform.truncate(2).apply(.string("日本語")) == .string("日本"))
        #expect(try Transform.truncate(2).apply(.binary([1, 2, 3])) == .binary([1, 2]))
    }

    @Test func temporalTransforms() throws {
        let ts = try IcebergValue(parsing: "2017-11-16T22:31:08", as: .timestamp)
        #expect(try Transform.year.apply(ts) == .int(47))
        #expect(try Transform.month.apply(ts) == .int(47 * 12 + 10))
        #expect(try Transform.day.apply(ts) == .date(17486))
        #expect(try Transform.hour.apply(ts) == .int(17486 * 24 + 22))
        let before = try IcebergValue(parsing: "1969-12-31T23:59:59.999999", as: .timestamp)
        #expect(try Transform.day.apply(before) == .date(-1))
        #expect(try Transform.hour.apply(before) == .int(-1))
        #expect(try Transform.year.apply(before) == .int(-1))
        #expect(try Transform.month.apply(try IcebergValue(parsing: "1969-12-01", as: .date)) == .int(-1))
        #expect(try Transform.void.apply(ts) == nil)
        #expect(try Transform.day.apply(nil) == nil)
    }

    @Test func parsesAndPrintsNames() throws {
        for name in ["identity", "bucket[16]", "truncate[4]", "year", "month", "day", "hour", "void"] {
            #expect(try Transform(parsing: name).description == name)
        }
        #expect(throws: IcebergError.self) { try Transform(parsing: "bucket[0]") }
        #expect {
            try Transform.day.resultType(.string)
        } throws: { ($0 as? IcebergError)?.message == "transform day cannot be applied to a string column" }
    }

    @Test func singleValueSerializationRoundTrips() throws {
        let cases: [(IcebergValue, IcebergType, [UInt8])] = [
            (.int(1), .int, [1, 0, 0, 0]),
            (.long(-2), .long, [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]),
            (.decimal(unscaled: 1420, scale: 2), .decimal(precision: 9, scale: 2), [0x05, 0x8C]),
            (.decimal(unscaled: -1, scale: 2), .decimal(precision: 9, scale: 2), [0xFF]),
            (.decimal(unscaled: 128, scale: 0), .decimal(precision: 9, scale: 0), [0x00, 0x80]),
            (.string("é"), .string, [0xC3, 0xA9]),
            (.double(1.5), .double, [0, 0, 0, 0, 0, 0, 0xF8, 0x3F]),
            (.date(17486), .date, [0x4E, 0x44, 0, 0]),
        ]
        for (value, type, bytes) in cases {
            #expect(value.binary == bytes, "\(value)")
            #expect(try IcebergValue(binary: bytes, type: type) == value)
        }
    }

    @Test func partitionPathsEscapeValues() throws {
        let spec = PartitionSpec(fields: [
            .init(sourceID: 1, fieldID: 1000, name: "ts_day", transform: .day),
            .init(sourceID: 2, fieldID: 1001, name: "region", transform: .identity),
        ])
        #expect(spec.partitionPath([.date(17486), .string("a/../b c")]) == "ts_day=2017-11-16/region=a%2F..%2Fb%20c")
        #expect(spec.partitionPath([nil, .string("..")]) == "ts_day=null/region=%2E%2E")
    }
}
