import LagoaIngest
import Testing

@Suite struct SourceTableNameTests {
    @Test func namesPrintAndSortBySchemaThenName() {
        let names = [SourceTableName(schema: "sales", name: "orders"), SourceTableName(schema: "public", name: "zeta"), SourceTableName(name: "a")]
        #expect(names.sorted().map(\.description) == ["a", "public.zeta", "sales.orders"])
    }
}
