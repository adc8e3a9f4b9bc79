import LagoaColumnar
import LagoaPlanner

/// A table with a schema and a row estimate but no data: enough to bind and optimize.
struct EmptyTable: TableSource {
    var displayName: String
    var schema: Schema
    var estimatedRowCount: Double?
    /// Distinct-count estimates by column name.
    var distinct: [String: Double] = [:]

    func estimatedDistinctCount(column: Int) -> Double? { distinct[schema.fields[column].name] }

    func partitions(columns: [Int], filters: [Expr], output: [ColumnRef], limit: Int?) async throws -> ScanPlan {
        ScanPlan(partitions: [])
    }
}

/// The eight TPC-H tables at scale factor 1 (row estimates only), in namespace `tpch`.
struct TPCHCatalog: CatalogProvider {
    var views: [String: ViewDefinition] = [:]
    var defaultNamespace: [String] { ["tpch"] }

    static let key = DataType.int64
    static let money = DataType.decimal128(precision: 15, scale: 2)

    static let tables: [String: (rows: Double, columns: [(String, DataType)])] = [
        "lineitem": (6_001_215, [
            ("l_orderkey", key), ("l_partkey", key), ("l_suppkey", key), ("l_linenumber", .int32), ("l_quantity", money),
            ("l_extendedprice", money), ("l_discount", money), ("l_tax", money), ("l_returnflag", .string), ("l_linestatus", .string),
            ("l_shipdate", .date32), ("l_commitdate", .date32), ("l_receiptdate", .date32), ("l_shipinstruct", .string),
            ("l_shipmode", .string), ("l_comment", .string),
        ]),
        "orders": (1_500_000, [
            ("o_orderkey", key), ("o_custkey", key), ("o_orderstatus", .string), ("o_totalprice", money), ("o_orderdate", .date32),
            ("o_orderpriority", .string), ("o_clerk", .string), ("o_shippriority", .int32), ("o_comment", .string),
        ]),
        "partsupp": (800_000, [
            ("ps_partkey", key), ("ps_suppkey", key), ("ps_availqty", .int64), ("ps_supplycost", money), ("ps_comment", .string),
        ]),
        "part": (200_000, [
            ("p_partkey", key), ("p_name", .string), ("p_mfgr", .string), ("p_brand", .string), ("p_type", .string), ("p_size", .int32),
            ("p_container", .string), ("p_retailprice", money), ("p_comment", .string),
        ]),
        "customer": (150_000, [
            ("c_custkey", key), ("c_name", .string), ("c_address", .string), ("c_nationkey", .int32), ("c_phone", .string),
            ("c_acctbal", money), ("c_mktsegment", .string), ("c_comment", .string),
        ]),
        "supplier": (10_000, [
            ("s_suppkey", key), ("s_name", .string), ("s_address", .string), ("s_nationkey", .int32), ("s_phone", .string),
            ("s_acctbal", money), ("s_comment", .string),
        ]),
        "nation": (25, [("n_nationkey", .int32), ("n_name", .string), ("n_regionkey", .int32), ("n_comment", .string)]),
        "region": (5, [("r_regionkey", .int32), ("r_name", .string), ("r_comment", .string)]),
    ]

    /// What Lagoa's Iceberg statistics estimate at SF1 (integer and date columns: the bounds'
    /// range, at most the rows).
    static let distinct: [String: Double] = [
        "l_orderkey": 6_000_000, "l_partkey": 200_000, "l_suppkey": 10_000, "l_linenumber": 7,
        "l_shipdate": 2_526, "l_commitdate": 2_466, "l_receiptdate": 2_555,
        "o_orderkey": 1_500_000, "o_custkey": 149_999, "o_orderdate": 2_406, "o_shippriority": 1,
        "ps_partkey": 200_000, "ps_suppkey": 10_000, "ps_availqty": 9_999,
        "p_partkey": 200_000, "p_size": 50,
        "c_custkey": 150_000, "c_nationkey": 25,
        "s_suppkey": 10_000, "s_nationkey": 25,
        "n_nationkey": 25, "n_regionkey": 5, "r_regionkey": 5,
    ]

    func resolveTable(_ name: [String], timeTravel: TimeTravel?) async throws -> ResolvedTable? {
        guard name.count <= 2, name.count == 1 || name[0] == "tpch", let table = Self.tables[name[name.count - 1]] else { return nil }
        let schema = Schema(table.columns.map { Field($0.0, $0.1, nullable: false) })
        let source = EmptyTable(displayName: name[name.count - 1], schema: schema, estimatedRowCount: table.rows, distinct: Self.distinct)
        return ResolvedTable(canonicalName: ["tpch", name[name.count - 1]], source: source)
    }

    func tableFunction(_ name: String, arguments: [Value], named: [String: Value]) async throws -> (any TableSource)? {
        guard name == "read_auto", case .string(let path)? = arguments.first else { return nil }
        return EmptyTable(displayName: "read_auto('\(path)')", schema: Schema([Field("a", .int64), Field("b", .string)]), estimatedRowCount: nil)
    }

    func view(_ name: [String]) async throws -> ViewDefinition? { views[name.joined(separator: ".")] }

    func tableNames() async -> [[String]] { Self.tables.keys.sorted().map { ["tpch", $0] } }
}
