import Foundation
import LagoaColumnar
import Testing

@Suite("result comparison with DuckDB")
struct ResultComparisonTests {
    @Test("decimals compare exactly after normalising trailing zeros")
    func decimals() {
        #expect(CanonicalValue(.decimal(1250, scale: 2)) == .exact("12.5"))
        #expect(CanonicalValue(duckDB: "12.50", type: "DECIMAL(15,2)") == .exact("12.5"))
        #expect(CanonicalValue(duckDB: "-0.00", type: "DECIMAL(15,2)") == .exact("0"))
        #expect(!CanonicalValue.exact("12.5").matches(.exact("12.5000001"), tolerance: 1e-9))
    }

    @Test("floating point compares within the relative tolerance, also against exact numbers")
    func floats() {
        #expect(CanonicalValue.approx(0.1 + 0.2).matches(CanonicalValue(duckDB: "0.3", type: "DOUBLE"), tolerance: 1e-9))
        #expect(!CanonicalValue.approx(0.3).matches(.approx(0.3001), tolerance: 1e-9))
        #expect(CanonicalValue.exact("25.5").matches(.approx(25.500000000001), tolerance: 1e-9))
        #expect(CanonicalValue(duckDB: "nan", type: "DOUBLE").matches(.approx(.nan), tolerance: 1e-9))
    }

    @Test("dates, timestamps, integers, strings and NULL map alike from both engines")
    func otherTypes() {
        #expect(CanonicalValue(.date(19723)) == CanonicalValue(duckDB: "2024-01-01", type: "DATE"))
        #expect(
            CanonicalValue(.timestamp(1_704_067_200_500_000, .microsecond, timeZone: nil))
                == CanonicalValue(duckDB: "2024-01-01 00:00:00.5", type: "TIMESTAMP")
        )
        #expect(CanonicalValue(.int(42)) == CanonicalValue(duckDB: 42, type: "BIGINT"))
        #expect(CanonicalValue(.string("x")) == CanonicalValue(duckDB: "x", type: "VARCHAR"))
        #expect(CanonicalValue(.null) == CanonicalValue(duckDB: NSNull(), type: "INTEGER"))
        #expect(CanonicalValue(.bool(true)) == CanonicalValue(duckDB: true, type: "BOOLEAN"))
    }

    @Test("unordered results compare as multisets; ordered ones row by row; the report shows the first difference")
    func rows() {
        let a: [[CanonicalValue]] = [[.exact("1"), .text("x")], [.exact("2"), .text("y")]]
        let b: [[CanonicalValue]] = [[.exact("2"), .text("y")], [.exact("1"), .text("x")]]
        #expect(ResultComparison.difference(lagoa: a, duckDB: b, ordered: false) == nil)
        let ordered = ResultComparison.difference(lagoa: a, duckDB: b, ordered: true)
        #expect(ordered?.contains("first difference at row 1") == true)
        let short = ResultComparison.difference(lagoa: a, duckDB: Array(b.prefix(1)), ordered: false)
        #expect(short?.contains("rows: Lagoa 2, DuckDB 1") == true)
    }

    @Test("a top-level ORDER BY is told apart from ORDER BY inside windows and subqueries")
    func orderDetection() {
        #expect(ResultComparison.hasTopLevelOrderBy("SELECT a FROM t ORDER BY a"))
        #expect(!ResultComparison.hasTopLevelOrderBy("SELECT row_number() OVER (ORDER BY a) FROM t"))
        #expect(!ResultComparison.hasTopLevelOrderBy("SELECT * FROM (SELECT a FROM t ORDER BY a LIMIT 3) s"))
        #expect(!ResultComparison.hasTopLevelOrderBy("SELECT 'order by' FROM t"))
    }

    @Test("the fuzz generator is deterministic per seed and varies across seeds")
    func generatorDeterminism() {
        var a = FuzzRandom(seed: 9)
        var b = FuzzRandom(seed: 9)
        var c = FuzzRandom(seed: 10)
        let ta = FuzzTables(random: &a)
        #expect(ta.setupSQL == FuzzTables(random: &b).setupSQL)
        #expect(ta.setupSQL != FuzzTables(random: &c).setupSQL)
        var qa = FuzzQueries(random: a)
        var qb = FuzzQueries(random: b)
        #expect(qa.make(50, prefix: "p").map(\.sql) == qb.make(50, prefix: "p").map(\.sql))
    }
}
