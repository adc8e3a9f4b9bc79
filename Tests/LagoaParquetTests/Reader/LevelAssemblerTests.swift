import LagoaColumnar
@testable import LagoaParquet
import Testing

@Suite("LevelAssembler")
struct LevelAssemblerTests {
    static func dense(_ values: [Int64]) -> Column {
        let builder = ColumnBuilder(.int64)
        for v in values { builder.append(.int(v)) }
        return builder.finish()
    }

    @Test("optional flat column: nulls where the definition level is below the maximum")
    func flat() throws {
        let shape = ColumnShape.leaf(field: Field("x", .int64), leaf: 0, maxDefinition: 1)
        let leaf = LeafData(entryCount: 5, definitionLevels: [1, 0, 1, 1, 0], repetitionLevels: nil, dense: Self.dense([10, 20, 30]))
        let column = try LevelAssembler(leaves: [0: leaf]).assemble(shape)
        #expect(column.allValues == [.int(10), .null, .int(20), .int(30), .null])
    }

    @Test("optional list of optional ints: null list, empty list, null element")
    func list() throws {
        // rows: [1, 2], null, [], [null, 3]
        // def: 0 = list null, 1 = list empty, 2 = element null, 3 = element present
        let element = ColumnShape.leaf(field: Field("element", .int64), leaf: 0, maxDefinition: 3)
        let type = DataType.list(Field("element", .int64))
        let shape = ColumnShape.list(field: Field("l", type), definedAt: 1, elementDefinedAt: 2, repetition: 1, element: element)
        let leaf = LeafData(
            entryCount: 6,
            definitionLevels: [3, 3, 0, 1, 2, 3],
            repetitionLevels: [0, 1, 0, 0, 0, 1],
            dense: Self.dense([1, 2, 3]))
        let column = try LevelAssembler(leaves: [0: leaf]).assemble(shape)
        #expect(column.allValues == [.list([.int(1), .int(2)]), .null, .list([]), .list([.null, .int(3)])])
    }

    @Test("struct holding a list and a scalar: each child follows its own leaf's levels")
    func structWithList() throws {
        // rows: {a: [1], b: 5}, null, {a: null, b: null}, {a: [2, 3], b: 6}
        let aType = DataType.list(Field("element", .int64, nullable: false))
        let sType = DataType.struct([Field("a", aType), Field("b", .int64)])
        let a = ColumnShape.list(
            field: Field("a", aType), definedAt: 2, elementDefinedAt: 3, repetition: 1,
            element: .leaf(field: Field("element", .int64, nullable: false), leaf: 0, maxDefinition: 3))
        let b = ColumnShape.leaf(field: Field("b", .int64), leaf: 1, maxDefinition: 2)
        let shape = ColumnShape.structure(field: Field("s", sType), definedAt: 1, children: [a, b])
        let leafA = LeafData(entryCount: 5, definitionLevels: [3, 0, 1, 3, 3], repetitionLevels: [0, 0, 0, 0, 1], dense: Self.dense([1, 2, 3]))
        let leafB = LeafData(entryCount: 4, definitionLevels: [2, 0, 1, 2], repetitionLevels: nil, dense: Self.dense([5, 6]))
        let column = try LevelAssembler(leaves: [0: leafA, 1: leafB]).assemble(shape)
        #expect(column.allValues == [
            .struct([.list([.int(1)]), .int(5)]),
            .null,
            .struct([.null, .null]),
            .struct([.list([.int(2), .int(3)]), .int(6)]),
        ])
    }
}
