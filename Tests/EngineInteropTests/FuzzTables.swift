import Foundation

/// Small random tables with NULLs in every column, as SQL both engines run: `CREATE TABLE` plus
/// one `INSERT … VALUES`.
///
/// Every table has the same columns: `id` (unique, so ORDER BY … id is a total order), `i` (small
/// integers, good join and group keys), `d` DECIMAL(10,2), `f` DOUBLE (multiples of 0.25, so sums are
/// exact in any order), `s` short strings including the empty string, `dt` DATE, `b` BOOLEAN.
struct FuzzTables {
    static let names = ["t1", "t2", "t3"]
    static let columns = ["id", "i", "d", "f", "s", "dt", "b"]
    static let words = ["", "a", "ab", "abc", "b", "ba", "x_y", "Zed", "100%", "o'k"]

    /// The DDL and data of every table, one statement per line ending in `;`.
    var setupSQL: String

    init(random: inout FuzzRandom) {
        var statements: [String] = []
        for name in Self.names {
            statements.append("CREATE TABLE \(name) (id INTEGER, i INTEGER, d DECIMAL(10,2), f DOUBLE, s VARCHAR, dt DATE, b BOOLEAN);")
            let rows = random.int(8...40)
            var values: [String] = []
            for id in 1...rows {
                let i = random.chance(0.15) ? "NULL" : String(random.int(-3...6))
                let d = random.chance(0.15) ? "NULL" : Self.decimal(random.int(-5000...5000))
                let f = random.chance(0.15) ? "NULL" : Self.double(random.int(-40...40))
                let s = random.chance(0.15) ? "NULL" : Self.quoted(random.pick(Self.words))
                let dt = random.chance(0.15) ? "NULL" : "DATE '2024-01-\(Self.twoDigits(random.int(1...28)))'"
                let b = random.chance(0.2) ? "NULL" : (random.chance(0.5) ? "true" : "false")
                values.append("(\(id), \(i), \(d), \(f), \(s), \(dt), \(b))")
            }
            statements.append("INSERT INTO \(name) VALUES " + values.joined(separator: ", ") + ";")
        }
        setupSQL = statements.joined(separator: "\n") + "\n"
    }

    static func decimal(_ cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = abs(cents)
        return "\(sign)\(magnitude / 100).\(twoDigits(magnitude % 100))"
    }

    static func double(_ quarters: Int) -> String {
        "CAST(\(Double(quarters) / 4) AS DOUBLE)"
    }

    static func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
