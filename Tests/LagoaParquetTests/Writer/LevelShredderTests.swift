import LagoaColumnar
import Testing

@testable import LagoaParquet

@Suite("Level shredder")
struct LevelShredderTests {
    /// The levels and selected value indices of every leaf of a one-column schema.
    private func shred(_ field: Field, _ values: [Value], slice: Range<Int>? = nil) throws -> [(def: [UInt16], rep: [UInt16], selected: [Int])] {
        let schema = Schema([field])
        let parquet = try ParquetSchema(elements: ArrowSchemaConverter.elements(for: schema))
        let plans = try LeafWritePlan.plans(for: parquet, arrowSchema: schema, options: ParquetWriteOptions())
        var column = WriterTestSupport.column(field.type, values)
        if let slice { column = column.slice(slice.lowerBound, slice.count) }
        return try plans.map { plan in
            var levels = LevelBuffers()
            let (_, selection) = try LevelShredder.shred(column, steps: plan.steps, into: &levels, name: plan.name, firstRow: 0)
            let selected: [Int] =
                switch selection {
                case .range(let range): Array(range)
                case .indices(let indices): indices
                }
            return (levels.definition, levels.repetition, selected)
        }
    }

    @Test("flat columns: required columns have no levels, optional ones follow the validity bitmap")
    func flat() throws {
        let required = try shred(Field("a", .int32, nullable: false), [.int(1), .int(2)])
        #expect(required[0].def.isEmpty && required[0].rep.isEmpty && required[0].selected == [0, 1])
        let optional = try shred(Field("a", .int32), [.int(1), .null, .int(3)])
        #expect(optional[0].def == [1, 0, 1] && optional[0].rep.isEmpty && optional[0].selected == [0, 2])
        let sliced = try shred(Field("a", .string), [.string("x"), .null, .string("y"), .string("z")], slice: 1..<3)
        #expect(sliced[0].def == [0, 1] && sliced[0].selected == [1])
    }

    @Test("a null list, an empty list and a null element end at different levels")
    func list() throws {
        let field = Field("l", .list(Field("element", .int32)))
        let values: [Value] = [.list([.int(1), .int(2)]), .null, .list([]), .list([.null]), .list([.int(3)])]
        let leaf = try shred(field, values)[0]
        #expect(leaf.def == [3, 3, 0, 1, 2, 3])
        #expect(leaf.rep == [0, 1, 0, 0, 0, 0])
        #expect(leaf.selected == [0, 1, 3])
        let sliced = try shred(field, values, slice: 1..<4)[0]
        #expect(sliced.def == [0, 1, 2] && sliced.rep == [0, 0, 0] && sliced.selected.isEmpty)
    }

    @Test("lists of lists repeat at each list's own level")
    func listOfLists() throws {
        let field = Field("l", .list(Field("element", .list(Field("element", .int64)))))
        let values: [Value] = [.list([.list([.int(1)]), .list([.int(2), .int(3)])]), .list([.list([])]), .list([]), .null]
        let leaf = try shred(field, values)[0]
        #expect(leaf.def == [5, 5, 5, 3, 1, 0])
        #expect(leaf.rep == [0, 1, 2, 0, 0, 0])
    }

    @Test("a null struct and a null field inside a valid struct differ")
    func structs() throws {
        let field = Field("s", .struct([Field("a", .int32), Field("b", .int32, nullable: false)]))
        let leaves = try shred(field, [.struct([.int(1), .int(2)]), .null, .struct([.null, .int(4)])])
        #expect(leaves[0].def == [2, 0, 1] && leaves[0].selected == [0])
        #expect(leaves[1].def == [1, 0, 1] && leaves[1].selected == [0, 2])
    }

    @Test("maps shred their keys and values as a repeated key_value group")
    func maps() throws {
        let field = Field("m", .map(key: Field("key", .string, nullable: false), value: Field("value", .int64), keysSorted: false))
        let values: [Value] = [.map(keys: [.string("a"), .string("b")], values: [.int(1), .null]), .null, .map(keys: [], values: [])]
        let leaves = try shred(field, values)
        #expect(leaves[0].def == [2, 2, 0, 1] && leaves[0].rep == [0, 1, 0, 0] && leaves[0].selected == [0, 1])
        #expect(leaves[1].def == [3, 2, 0, 1] && leaves[1].rep == [0, 1, 0, 0] && leaves[1].selected == [0])
    }
}
