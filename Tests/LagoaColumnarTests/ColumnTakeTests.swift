import LagoaColumnar
import Testing

@Suite struct ColumnTakeTests {
    @Test(arguments: [
        DataType.int32, .int64, .float64, .boolean, .string, .binary, .decimal128(precision: 10, scale: 2), .date32,
        .list(Field("item", .int64)), .struct([Field("a", .int32), Field("b", .string)]),
    ])
    func takeGathersValuesAndNulls(_ type: DataType) {
        let values: [Value] = (0..<10).map { i in
            if i % 4 == 3 { return .null }
            switch type {
            case .int32, .int64: return .int(Int64(i * 7 - 20))
            case .float64: return .double(Double(i) / 3)
            case .boolean: return .bool(i % 2 == 0)
            case .string: return .string("s\(i)é")
            case .binary: return .binary([UInt8(i), 0xFF])
            case .decimal128: return .decimal(Int128(i * 101), scale: 2)
            case .date32: return .date(Int32(i * 1000))
            case .list: return .list((0..<i % 3).map { .int(Int64($0)) })
            default: return .struct([.int(Int64(i)), i == 2 ? .null : .string("x\(i)")])
            }
        }
        let builder = ColumnBuilder(type)
        for v in values { builder.append(v) }
        let column = builder.finish()
        let sliced = column.slice(2, 7)
        let indices = [6, 0, 1, 1, 5, 3]
        let taken = sliced.take(indices)
        #expect(taken.count == indices.count)
        #expect(taken.allValues == indices.map { values[2 + $0] })
        #expect(taken.nullCount == indices.filter { values[2 + $0].isNull }.count)
    }
}
