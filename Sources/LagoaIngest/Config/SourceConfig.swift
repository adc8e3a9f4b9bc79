import LagoaCore
import Yams
/// One `sources/<name>.yaml`: where a domain's operational data lives and which tables to take.
///
/// ```yaml
/// name: crm                     # default: the file name
/// domain: sales                 # SOR tables land in sales.sor.<table>
/// type: postgresql              # postgresql | sqlite | files
/// url: postgresql://app@db.internal:5432/crm?sslmode=require
/// password_env: CRM_PASSWORD    # secrets only ever come from the environment
/// schema: public
/// tables:                       # a list, or include/exclude patterns over the schema
///   - customers
///   - name: orders
///     mode: incremental
///     cursor: updated_at
///     lookback: 1 day
/// exclude: ["tmp_*"]
/// parallelism: 4
/// timezone: America/Sao_Paulo   # today's execution date is taken in this zone
/// schedule: "0 3 * * *"
/// ```
public struct SourceConfig: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case postgresql, sqlite, files
    }

    /// One table the file names.
    public struct TableConfig: Sendable, Hashable {
        public var name: String
        /// The SOR table name, when it differs from the source's.
        public var target: String?
        public var mode: IngestMode?
    }

    public var file: String
    public var name: String
    public var domain: String
    public var kind: Kind
    /// `postgresql://user@host:port/db?…` without a password.
    public var url: String?
    public var passwordEnv: String?
    /// SQLite file or folder of files, relative to the project folder unless absolute.
    public var path: String?
    public var schema: String?
    public var tables: [TableConfig]
    public var include: [String]
    public var exclude: [String]
    public var mode: IngestMode
    public var parallelism: Int
    public var timezone: String?
    public var schedule: String?
    public var batchRows: Int
    /// PostgreSQL `numeric` without precision read as text instead of decimal(38, 10).
    public var unconstrainedNumericAsString: Bool

    static let keys = [
        "name", "domain", "type", "url", "password_env", "path", "schema", "tables", "include", "exclude", "mode", "cursor", "lookback",
        "parallelism", "timezone", "schedule", "batch_rows", "description", "owner", "unconstrained_numeric",
    ]

    /// Reads and checks a source file.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: its path as the user sees it, for messages (`sources/crm.yaml`).
    /// - Throws: ``IngestError/Code/configuration`` at `file:line:column` with what to write instead.
    public init(parsing text: String, file: String) throws(IngestError) {
        let root = try ConfigNode.parse(text, file: file)
        if let mapping = root.node.mapping, let key = mapping.keys.first(where: { $0.string == "password" }) {
            throw ConfigNode(node: key, file: file).error("passwords never go in project files; set an environment variable and name it with 'password_env: CRM_PASSWORD'")
        }
        let keys = try root.mapping(allowed: Self.keys, required: ["domain", "type"], what: "a source")
        self.file = file
        let stem = file.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) } ?? file
        name = try keys["name"]?.string("name") ?? stem
        domain = try keys["domain"]!.string("domain")
        guard Self.isName(domain) else { throw keys["domain"]!.error("domain '\(domain)' must be lower-case letters, digits and _ (it names the namespace \(domain).sor)") }
        kind = Kind(rawValue: try keys["type"]!.choice("type", Kind.allCases.map(\.rawValue)))!
        url = try keys["url"]?.string("url")
        passwordEnv = try keys["password_env"]?.string("password_env")
        path = try keys["path"]?.string("path")
        schema = try keys["schema"]?.string("schema")
        include = try keys["include"]?.list("include").map { node throws(IngestError) in try node.string("an include pattern") } ?? []
        exclude = try keys["exclude"]?.list("exclude").map { node throws(IngestError) in try node.string("an exclude pattern") } ?? []
        parallelism = try keys["parallelism"]?.int("parallelism", in: 1...64) ?? 2
        batchRows = try keys["batch_rows"]?.int("batch_rows", in: 1...10_000_000) ?? 65_536
        unconstrainedNumericAsString = try keys["unconstrained_numeric"]?.choice("unconstrained_numeric", ["decimal", "string"]) == "string"
        timezone = try keys["timezone"]?.string("timezone")
        schedule = try keys["schedule"]?.string("schedule")
        mode = try Self.mode(keys, default: .full)
        tables = []
        for node in try keys["tables"]?.list("tables") ?? [] {
            tables.append(try Self.table(node, sourceMode: mode))
        }
        switch kind {
        case .postgresql:
            guard let urlNode = keys["url"], let url else { throw root.error("a postgresql source needs 'url: postgresql://user@host:5432/database'") }
            guard url.hasPrefix("postgresql://") || url.hasPrefix("postgres://") else {
                throw urlNode.error("url must start with postgresql://, e.g. postgresql://app@db.internal:5432/crm")
            }
            if let at = url.firstIndex(of: "@"), url[..<at].dropFirst("postgresql://".count).contains(":") {
                throw urlNode.error("the url holds a password; remove it and set 'password_env: NAME' to read it from the environment variable NAME")
            }
        case .sqlite, .files:
            guard path != nil else { throw root.error("a \(kind.rawValue) source needs 'path: \(kind == .sqlite ? "data/app.db" : "data/exports")'") }
        }
        if let zone = keys["timezone"] {
            do { _ = try ExecutionDate.today(in: timezone) } catch { throw zone.error(error.message) }
        }
        if !tables.isEmpty && !include.isEmpty {
            throw keys["include"]!.error("use either 'tables' (a list) or 'include' patterns, not both")
        }
    }

    private static func mode(_ keys: [String: ConfigNode], default fallback: IngestMode) throws(IngestError) -> IngestMode {
        let modeText = try keys["mode"]?.choice("mode", ["full", "incremental"])
        let cursor = try keys["cursor"]?.string("cursor")
        var lookback: Lookback?
        if let node = keys["lookback"] {
            do { lookback = try Lookback(parsing: try node.string("lookback")) } catch { throw node.error(error.message) }
        }
        switch modeText {
        case "incremental":
            guard let cursor else { throw keys["mode"]!.error("incremental mode needs 'cursor: <column>' (e.g. updated_at or id)") }
            return .incremental(cursor: cursor, lookback: lookback)
        case "full":
            if let node = keys["cursor"] { throw node.error("'cursor' only applies to 'mode: incremental'") }
            return .full
        default:
            if let cursor { return .incremental(cursor: cursor, lookback: lookback) }
            if let lookback {
                guard case .incremental(let inherited, _) = fallback else {
                    throw keys["lookback"]!.error("'lookback' only applies to incremental tables; add 'cursor: <column>'")
                }
                return .incremental(cursor: inherited, lookback: lookback)
            }
            return fallback
        }
    }

    private static func table(_ node: ConfigNode, sourceMode: IngestMode) throws(IngestError) -> TableConfig {
        if node.node.scalar != nil {
            return TableConfig(name: try node.string("a table"), target: nil, mode: nil)
        }
        let keys = try node.mapping(allowed: ["name", "target", "mode", "cursor", "lookback"], required: ["name"], what: "a table")
        let target = try keys["target"]?.string("target")
        if let target, !isName(target) { throw keys["target"]!.error("target '\(target)' must be lower-case letters, digits and _") }
        let hasMode = keys["mode"] != nil || keys["cursor"] != nil || keys["lookback"] != nil
        return TableConfig(name: try keys["name"]!.string("name"), target: target, mode: hasMode ? try mode(keys, default: sourceMode) : nil)
    }

    /// Whether `text` can name a domain or table: lower-case letters, digits and `_`, not starting
    /// with a digit.
    public static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// The tables to ingest: the listed ones, or every table of the source matching `include`
    /// (all when empty) and no `exclude` pattern; `only` narrows to some names (`--tables`).
    /// - Throws: ``IngestError/Code/notFound`` for a listed table the source lacks.
    public func plan(available: [SourceTableName], only: [String]? = nil) throws(IngestError) -> [TablePlan] {
        var out: [TablePlan] = []
        if tables.isEmpty {
            for table in available {
                if !include.isEmpty && !include.contains(where: { Self.glob($0, table.name) }) { continue }
                if exclude.contains(where: { Self.glob($0, table.name) }) { continue }
                out.append(TablePlan(source: table, mode: mode))
            }
        } else {
            for table in tables {
                guard let found = available.first(where: { $0.name == table.name }) else {
                    throw IngestError(
                        .notFound,
                        "\(file): table '\(table.name)' is not in source '\(name)'\(Self.suggestion(table.name, available)) (tables: \(available.map(\.name).joined(separator: ", ")))"
                    )
                }
                out.append(TablePlan(source: found, target: table.target, mode: table.mode ?? mode))
            }
        }
        if let only {
            for name in only where !out.contains(where: { $0.source.name == name }) {
                throw IngestError(.notFound, "source '\(self.name)' does not ingest a table '\(name)'\(Self.suggestion(name, out.map(\.source)))")
            }
            out = out.filter { only.contains($0.source.name) }
        }
        return out
    }

    private static func suggestion(_ name: String, _ tables: [SourceTableName]) -> String {
        Suggestions.didYouMean(name, among: tables.map(\.name))
    }

    /// `*` and `?` patterns.
    static func glob(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern), t = Array(text)
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) {
                pi += 1
                ti += 1
            } else if pi < p.count && p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
