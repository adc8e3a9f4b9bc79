extension Transform {
    /// Parses a partition clause as users write it: `day(ts), bucket(16, id), truncate(4, name), region`
    /// (a bare column means identity; `years`/`days`… are accepted as in Spark SQL).
    /// - Throws: ``IcebergError/Code/invalidArgument`` naming the part that does not parse.
    public static func parseClause(_ text: String) throws(IcebergError) -> [(column: String, transform: Transform)] {
        var out: [(String, Transform)] = []
        for part in splitTopLevel(text) {
            let item = part.trimmingSpaces()
            guard !item.isEmpty else { continue }
            guard let open = item.firstIndex(of: "(") else {
                out.append((item, .identity))
                continue
            }
            guard item.hasSuffix(")") else {
                throw IcebergError(.invalidArgument, "partition field '\(item)' is missing ')'; write e.g. day(ts) or bucket(16, id)")
            }
            let name = String(item[..<open]).trimmingSpaces().lowercased()
            let args = item[item.index(after: open)..<item.index(before: item.endIndex)]
                .split(separator: ",").map { String($0).trimmingSpaces() }
            switch (name, args.count) {
            case ("bucket", 2), ("truncate", 2):
                guard let n = Int(args[0]), n > 0 else {
                    throw IcebergError(.invalidArgument, "partition field '\(item)': \(name) needs a positive number first, e.g. \(name)(16, \(args[1]))")
                }
                out.append((args[1], name == "bucket" ? .bucket(n) : .truncate(n)))
            case (_, 1):
                out.append((args[0], try Transform(parsing: name)))
            default:
                throw IcebergError(.invalidArgument, "partition field '\(item)' does not parse; use column, identity(c), year(c), month(c), day(c), hour(c), bucket(N, c), truncate(W, c) or void(c)")
            }
        }
        return out
    }

    private static func splitTopLevel(_ text: String) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        for c in text {
            if c == "(" { depth += 1 }
            if c == ")" { depth -= 1 }
            if c == "," && depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current)
        return parts
    }
}
