/// Random queries over ``FuzzTables``, limited to constructs where Lagoa and DuckDB must agree:
/// no division (Lagoa raises division by zero where DuckDB returns NULL), explicit NULLS FIRST/LAST
/// in every ORDER BY, ORDER BY … LIMIT only with a total order (ending in a unique `id`), no
/// floating-point aggregates whose result depends on summation order beyond the tolerance.
struct FuzzQueries {
    struct Query: Sendable {
        var id: String
        var sql: String
        /// Whether row order is significant (a total ORDER BY).
        var ordered: Bool
    }

    var random: FuzzRandom

    /// `count` queries with ids `<prefix>-<n>`.
    mutating func make(_ count: Int, prefix: String) -> [Query] {
        (0..<count).map { n in
            var query = next()
            query.id = "\(prefix)-\(n)"
            return query
        }
    }

    mutating func next() -> Query {
        switch random.int(0...9) {
        case 0, 1: return filter()
        case 2: return join()
        case 3, 4: return groupBy()
        case 5: return window()
        case 6: return topN()
        case 7: return setOperation()
        default: return subquery()
        }
    }

    // MARK: Query shapes

    mutating func filter() -> Query {
        let t = random.pick(FuzzTables.names)
        let columns = pickColumns(prefix: "")
        return Query(id: "", sql: "SELECT id, \(columns) FROM \(t) WHERE \(predicate(""))", ordered: false)
    }

    mutating func join() -> Query {
        let (a, b) = twoTables()
        let kind = random.pick(["JOIN", "LEFT JOIN", "FULL JOIN", "RIGHT JOIN", "JOIN"])
        var on = "x.i = y.i"
        if random.chance(0.3) { on += " AND x.s = y.s" }
        if random.chance(0.3) { on += " AND \(atom("y."))" }
        var sql = "SELECT x.id, y.id, x.\(random.pick(["d", "s", "dt"])), y.\(random.pick(["f", "b", "s"])) FROM \(a) AS x \(kind) \(b) AS y ON \(on)"
        if random.chance(0.4) { sql += " WHERE \(predicate("x."))" }
        return Query(id: "", sql: sql, ordered: false)
    }

    mutating func groupBy() -> Query {
        let t = random.pick(FuzzTables.names)
        let keys = random.pick([["i"], ["s"], ["b"], ["i", "b"], ["dt"], ["s", "i"]])
        let aggregates = [
            "count(*)", "count(d)", "sum(i)", "sum(d)", "min(d)", "max(s)", "min(dt)", "max(f)", "sum(f)",
            "count(DISTINCT s)", "avg(i)", "bool_or(b)", "max(i) - min(i)",
        ]
        var chosen: [String] = []
        for _ in 0..<random.int(1...4) { chosen.append(random.pick(aggregates)) }
        var sql = "SELECT \(keys.joined(separator: ", ")), \(chosen.joined(separator: ", ")) FROM \(t)"
        if random.chance(0.5) { sql += " WHERE \(predicate(""))" }
        sql += " GROUP BY \(keys.joined(separator: ", "))"
        if random.chance(0.4) { sql += " HAVING count(*) > \(random.int(0...3))" }
        return Query(id: "", sql: sql, ordered: false)
    }

    mutating func window() -> Query {
        let t = random.pick(FuzzTables.names)
        let partition = random.pick(["i", "s", "b"])
        let order = random.pick(["i", "d", "dt"])
        let direction = random.pick(["ASC", "DESC"])
        let nulls = random.pick(["NULLS FIRST", "NULLS LAST"])
        let functions = [
            "row_number() OVER (PARTITION BY \(partition) ORDER BY \(order) \(direction) \(nulls), id)",
            "rank() OVER (PARTITION BY \(partition) ORDER BY \(order) \(direction) \(nulls))",
            "dense_rank() OVER (ORDER BY \(order) \(direction) \(nulls))",
            "sum(i) OVER (PARTITION BY \(partition) ORDER BY id)",
            "sum(d) OVER (PARTITION BY \(partition))",
            "count(*) OVER (PARTITION BY \(partition) ORDER BY \(order) \(direction) \(nulls), id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)",
        ]
        let chosen = (0..<random.int(1...3)).map { _ in random.pick(functions) }
        return Query(id: "", sql: "SELECT id, \(chosen.joined(separator: ", ")) FROM \(t)", ordered: false)
    }

    mutating func topN() -> Query {
        let t = random.pick(FuzzTables.names)
        let key = random.pick(["i", "d", "s", "dt", "f", "b"])
        let direction = random.pick(["ASC", "DESC"])
        let nulls = random.pick(["NULLS FIRST", "NULLS LAST"])
        var sql = "SELECT id, \(key), \(random.pick(["s", "d", "i"])) FROM \(t)"
        if random.chance(0.5) { sql += " WHERE \(predicate(""))" }
        sql += " ORDER BY \(key) \(direction) \(nulls), id \(random.pick(["ASC", "DESC"])) LIMIT \(random.int(0...12))"
        if random.chance(0.3) { sql += " OFFSET \(random.int(0...5))" }
        return Query(id: "", sql: sql, ordered: true)
    }

    mutating func setOperation() -> Query {
        let (a, b) = twoTables()
        let columns = random.pick(["i", "s", "i, s", "b, i", "dt"])
        let op = random.pick(["UNION", "UNION ALL", "INTERSECT", "EXCEPT"])
        let sql = "SELECT \(columns) FROM \(a) WHERE \(predicate("")) \(op) SELECT \(columns) FROM \(b) WHERE \(predicate(""))"
        return Query(id: "", sql: sql, ordered: false)
    }

    mutating func subquery() -> Query {
        let (a, b) = twoTables()
        let sql: String
        switch random.int(0...4) {
        case 0: sql = "SELECT id, d FROM \(a) WHERE d > (SELECT avg(d) FROM \(b) WHERE \(predicate("")))"
        case 1: sql = "SELECT id FROM \(a) AS x WHERE EXISTS (SELECT 1 FROM \(b) AS y WHERE y.i = x.i AND \(predicate("y.")))"
        case 2: sql = "SELECT id FROM \(a) AS x WHERE NOT EXISTS (SELECT 1 FROM \(b) AS y WHERE y.s = x.s)"
        case 3: sql = "SELECT id, i FROM \(a) WHERE i IN (SELECT i FROM \(b) WHERE \(predicate("")))"
        default: sql = "SELECT id, (SELECT count(*) FROM \(b) AS y WHERE y.i = x.i) FROM \(a) AS x"
        }
        return Query(id: "", sql: sql, ordered: false)
    }

    // MARK: Pieces

    private mutating func twoTables() -> (String, String) {
        (random.pick(FuzzTables.names), random.pick(FuzzTables.names))
    }

    private mutating func pickColumns(prefix: String) -> String {
        let all = ["i", "d", "f", "s", "dt", "b"]
        let count = random.int(1...3)
        return (0..<count).map { _ in prefix + random.pick(all) }.joined(separator: ", ")
    }

    /// A boolean expression of depth ≤ 2 over AND / OR / NOT.
    mutating func predicate(_ prefix: String, depth: Int = 0) -> String {
        if depth >= 2 || random.chance(0.45) { return atom(prefix) }
        switch random.int(0...2) {
        case 0: return "(\(predicate(prefix, depth: depth + 1)) AND \(predicate(prefix, depth: depth + 1)))"
        case 1: return "(\(predicate(prefix, depth: depth + 1)) OR \(predicate(prefix, depth: depth + 1)))"
        default: return "NOT (\(predicate(prefix, depth: depth + 1)))"
        }
    }

    private mutating func atom(_ p: String) -> String {
        let op = random.pick(["=", "<>", "<", "<=", ">", ">="])
        switch random.int(0...13) {
        case 0: return "\(p)i \(op) \(random.int(-3...6))"
        case 1: return "\(p)d \(op) \(FuzzTables.decimal(random.int(-5000...5000)))"
        case 2: return "\(p)f \(op) \(Double(random.int(-40...40)) / 4)"
        case 3: return "\(p)s \(op) \(FuzzTables.quoted(random.pick(FuzzTables.words)))"
        case 4: return "\(p)\(random.pick(["i", "d", "s", "dt", "b", "f"])) IS \(random.chance(0.5) ? "" : "NOT ")NULL"
        case 5: return "\(p)i \(random.chance(0.3) ? "NOT " : "")IN (\(random.int(-3...6)), \(random.int(-3...6))\(random.chance(0.3) ? ", NULL" : ""))"
        case 6:
            let low = random.int(-3...3)
            return "\(p)i \(random.chance(0.3) ? "NOT " : "")BETWEEN \(low) AND \(low + random.int(0...4))"
        case 7: return "\(p)s \(random.chance(0.3) ? "NOT " : "")LIKE \(FuzzTables.quoted(random.pick(["a%", "%b%", "_", "%", "Z__", "%'%"])))"
        case 8: return "\(p)dt \(op) DATE '2024-01-\(FuzzTables.twoDigits(random.int(1...28)))'"
        case 9: return "\(p)b"
        case 10: return "\(p)b IS \(random.chance(0.5) ? "" : "NOT ")DISTINCT FROM \(random.chance(0.5) ? "true" : "NULL")"
        case 11: return "\(p)i + \(random.int(0...3)) \(op) \(p)id"
        case 12: return "\(p)d BETWEEN \(FuzzTables.decimal(random.int(-5000...0))) AND \(FuzzTables.decimal(random.int(0...5000)))"
        default: return "coalesce(\(p)i, \(random.int(-3...3))) \(op) \(random.int(-3...6))"
        }
    }
}
