import Foundation
import LagoaSQL
import LagoaTesting
import Testing

/// The parser never traps and never recurses without bound: random and mutated inputs either
/// parse (and then round-trip through the unparser) or throw a syntax error with a valid position.
@Suite struct FuzzTests {
    /// SplitMix64: small, fast, deterministic.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let fragments = [
        "SELECT", "FROM", "WHERE", "(", ")", ",", ";", "'", "\"", "--", "/*", "*/", "$$", "E'\\", "1", "1.5", "1e", "a", "t.b",
        "*", "+", "-", "::", "AND", "OR", "NOT", "IN", "BETWEEN", "LIKE", "CASE", "WHEN", "THEN", "END", "JOIN", "ON", "USING",
        "GROUP BY", "ORDER BY", "LIMIT", "UNION", "INTERSECT", "WITH", "AS", "OVER (", "PARTITION BY", "INTERVAL", "DATE",
        "'x'", "NULL", "IS", "DISTINCT", "CAST(", "EXTRACT(", "@", "FOR VERSION AS OF", "é", "\n", " ", "[]", "=", "<>",
        "INSERT INTO", "VALUES", "MERGE INTO", "WHEN MATCHED THEN", "CREATE TABLE", "PARTITIONED BY", "EXISTS", "\u{0}",
    ]

    static func corpus() throws -> [String] {
        var texts = RoundTripTests.statements
        for number in 1...22 { texts.append(try TPCHQueryTests.text(number)) }
        return texts
    }

    static func mutate(_ text: String, _ random: inout Random) -> String {
        var bytes = Array(text.utf8)
        for _ in 0..<(1 + random.below(4)) {
            let position = bytes.isEmpty ? 0 : random.below(bytes.count + 1)
            switch random.below(5) {
            case 0 where !bytes.isEmpty && position < bytes.count:
                bytes.remove(at: position)
            case 1:
                let fragment = fragments[random.below(fragments.count)]
                bytes.insert(contentsOf: Array((" " + fragment + " ").utf8), at: position)
            case 2:
                bytes = Array(bytes[0..<position])
            case 3 where !bytes.isEmpty && position < bytes.count:
                bytes[position] = UInt8(truncatingIfNeeded: random.next())
            default:
                let other = random.below(bytes.count + 1)
                let (low, high) = (min(position, other), max(position, other))
                bytes.removeSubrange(low..<high)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses `text`; success must round-trip, failure must point inside the text.
    static func check(_ text: String) {
        do {
            let statements = try Parser.parse(text)
            for statement in statements {
                let canonical = Unparser.statement(statement)
                do {
                    let reparsed = try Parser.parseStatement(canonical)
                    #expect(reparsed == statement, "round trip of \(canonical.debugDescription) from \(text.debugDescription)")
                } catch {
                    Issue.record("canonical text does not parse: \(canonical.debugDescription) (\(error.reason)) from \(text.debugDescription)")
                }
            }
        } catch {
            #expect(error.location.line >= 1 && error.location.column >= 1)
            #expect(error.span.start >= 0 && error.span.start <= text.utf8.count, "\(error.message)")
            #expect(error.message.hasPrefix("syntax error at line "))
        }
    }

    @Test("Mutated statements parse or fail cleanly (deterministic seed)")
    func mutated() throws {
        var random = Random(state: 0x5EED_1A60A)
        let corpus = try Self.corpus()
        for _ in 0..<3000 {
            Self.check(Self.mutate(corpus[random.below(corpus.count)], &random))
        }
    }

    @Test("Random fragment soup parses or fails cleanly (deterministic seed)")
    func soup() {
        var random = Random(state: 42)
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<(1 + random.below(30)) { text += Self.fragments[random.below(Self.fragments.count)] + " " }
            Self.check(text)
        }
    }

    @Test(
        "Deep nesting is rejected with a clear error instead of exhausting the stack",
        arguments: [
            String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000),
            "SELECT " + String(repeating: "- ", count: 50_000) + "1",
            String(repeating: "EXPLAIN ", count: 50_000) + "SELECT 1",
            "SELECT " + String(repeating: "NOT ", count: 50_000) + "TRUE",
            String(repeating: "SELECT * FROM (", count: 5_000) + "SELECT 1" + String(repeating: ")", count: 5_000),
            "SELECT " + String(repeating: "f(", count: 20_000) + "1" + String(repeating: ")", count: 20_000),
            "SELECT " + String(repeating: "CASE WHEN ", count: 20_000) + "1",
            "SELECT 1::" + String(repeating: "LIST(", count: 20_000) + "INT",
            "SELECT * FROM " + String(repeating: "(", count: 20_000) + "t",
        ])
    func deepNesting(sql: String) {
        #expect {
            _ = try Parser.parse(sql)
        } throws: { error in
            (error as? SQLSyntaxError)?.code == .tooDeeplyNested
        }
    }

    @Test("Nesting within the limit still parses")
    func moderateNesting() throws {
        let depth = 100
        let sql = "SELECT " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        #expect(try Parser.parse(sql).count == 1)
        let chain = "SELECT " + (1...2_000).map { "a\($0)" }.joined(separator: " + ")
        #expect(try Parser.parse(chain).count == 1)
    }
}
