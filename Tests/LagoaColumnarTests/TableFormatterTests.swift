import LagoaColumnar
import Testing

@Suite("TableFormatter")
struct TableFormatterTests {
    @Test("aligns names, types and values; numbers right-aligned")
    func aligned() {
        let ids = ColumnBuilder(.int64)
        let names = ColumnBuilder(.string)
        for (i, n) in [(1, "soy"), (1234, "corn")] {
            ids.append(.int(Int64(i)))
            names.append(.string(n))
        }
        names.append(.null)
        ids.append(.int(7))
        let schema = Schema([Field("id", .int64), Field("crop", .string)])
        let batch = RecordBatch(schema: schema, columns: [ids.finish(), names.finish()])
        let text = TableFormatter().format(schema, [batch])
        #expect(text == """
            ┌───────┬────────┐
            │ id    │ crop   │
            │ int64 │ string │
            ├───────┼────────┤
            │     1 │ soy    │
            │  1234 │ corn   │
            │     7 │ NULL   │
            └───────┴────────┘
            3 rows, 2 columns
            """)
    }
}
