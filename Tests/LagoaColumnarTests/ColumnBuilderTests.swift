import LagoaColumnar
import Testing

@Suite("ColumnBuilder")
struct ColumnBuilderTests {
    @Test("primitive values with nulls round-trip through Value")
    func primitives() {
        let builder = ColumnBuilder(.int32)
        let input: [Value] = [.int(1), .null, .int(-3), .int(Int64(Int32.max))]
        for v in input { builder.append(v) }
        let column = builder.finish()
        #expect(column.count == 4)
        #expect(column.nullCount == 1)
        #expect(column.allValues == input)
        #expect(column.slice(1, 2).allValues == [.null, .int(-3)])
        #expect(column.slice(1, 2).nullCount == 1)
    }

    @Test("strings, booleans and nulls beyond one validity byte")
    func stringsAndBooleans() {
        let strings = ColumnBuilder(.string)
        let bools = ColumnBuilder(.boolean)
        var expectedStrings: [Value] = []
        var expectedBools: [Value] = []
        for i in 0..<37 {
            let s: Value = i % 5 == 0 ? .null : .string("v\(i)é")
            let b: Value = i % 7 == 0 ? .null : .bool(i % 3 == 0)
            strings.append(s)
            bools.append(b)
            expectedStrings.append(s)
            expectedBools.append(b)
        }
        let sc = strings.finish()
        let bc = bools.finish()
        #expect(sc.allValues == expectedStrings)
        #expect(bc.allValues == expectedBools)
        #expect(sc.nullCount == 8)
        #expect(sc.slice(10, 20).allValues == Array(expectedStrings[10..<30]))
        #expect(bc.slice(9, 20).allValues == Array(expectedBools[9..<29]))
    }

    @Test("nested list, struct and map values")
    func nested() {
        let type = DataType.struct([
            Field("tags", .list(Field("item", .string))),
            Field("attrs", .map(key: Field("key", .string, nullable: false), value: Field("value", .int64), keysSorted: false)),
            Field("n", .float64),
        ])
        let rows: [Value] = [
            .struct([.list([.string("a"), .null]), .map(keys: [.string("k")], values: [.int(1)]), .double(1.5)]),
            .null,
            .struct([.list([]), .map(keys: [], values: []), .null]),
            .struct([.null, .null, .double(-0.25)]),
        ]
        let builder = ColumnBuilder(type)
        for r in rows { builder.append(r) }
        let column = builder.finish()
        #expect(column.allValues == [rows[0], .null, rows[2], rows[3]])
        #expect(column.slice(2, 2).allValues == [rows[2], rows[3]])
        #expect(column.field(2).slice(0, 1).allValues == [.double(1.5)])
    }
}
