import LagoaCore
import LagoaIngest
import Yams

/// Reads the model YAML files (`models/**/*.yaml`): a `models:` list of configs by model name.
enum ModelConfigReader {
    static let modelKeys = ["name", "description", "owner", "tags", "materialized", "unique_key", "columns", "tests", "meta"]
    static let columnKeys = ["name", "description", "tests", "tags", "meta"]

    /// Configs by model name.
    static func read(_ text: String, file: String) throws(ModelError) -> [String: ModelConfig] {
        do throws(IngestError) {
            let root = try ConfigNode.parse(text, file: file)
            let top = try root.mapping(allowed: ["models", "version"], required: ["models"], what: "a models file")
            var out: [String: ModelConfig] = [:]
            for node in try top["models"]!.list("models") {
                let keys = try node.mapping(allowed: modelKeys, required: ["name"], what: "a model")
                let name = try keys["name"]!.string("name")
                guard out[name] == nil else { throw keys["name"]!.error("model '\(name)' is configured twice in this file") }
                var config = ModelConfig()
                config.location = node.location
                config.description = try keys["description"]?.string("description")
                config.owner = try keys["owner"]?.string("owner")
                config.tags = try keys["tags"]?.list("tags").map { n throws(IngestError) in try n.string("a tag") } ?? []
                if let m = keys["materialized"] {
                    config.materialized = ModelConfig.Materialization(rawValue: try m.choice("materialized", ModelConfig.Materialization.allCases.map(\.rawValue)))!
                }
                config.uniqueKey = try keys["unique_key"]?.list("unique_key").map { n throws(IngestError) in try n.string("a unique_key column") } ?? []
                if config.materialized == .incremental && config.uniqueKey.isEmpty {
                    throw keys["materialized"]!.error("an incremental model needs 'unique_key: <column>' (or a list) so changed rows replace their old versions")
                }
                for column in try keys["columns"]?.list("columns") ?? [] {
                    let ck = try column.mapping(allowed: columnKeys, required: ["name"], what: "a column")
                    let columnName = try ck["name"]!.string("name")
                    if let d = ck["description"] { config.columns[columnName] = try d.string("description") }
                    for test in try ck["tests"]?.list("tests") ?? [] {
                        config.tests.append(try columnTest(test, column: columnName, model: name))
                    }
                }
                for test in try keys["tests"]?.list("tests") ?? [] {
                    config.tests.append(try modelTest(test, model: name))
                }
                out[name] = config
            }
            return out
        } catch {
            throw ModelError(.configuration, error.message)
        }
    }

    private static func severity(_ keys: [String: ConfigNode]) throws(IngestError) -> ModelTest.Severity {
        guard let node = keys["severity"] else { return .error }
        return ModelTest.Severity(rawValue: try node.choice("severity", ["error", "warn"]))!
    }

    private static func columnTest(_ node: ConfigNode, column: String, model: String) throws(IngestError) -> ModelTest {
        let kinds = ["not_null", "unique", "accepted_values", "relationships"]
        if node.node.scalar != nil {
            let kind = try node.choice("a column test", kinds)
            guard kind == "not_null" || kind == "unique" else {
                throw node.error("'\(kind)' needs settings, e.g. '- \(kind): { \(kind == "accepted_values" ? "values: [a, b]" : "to: \"ref('customers')\", field: customer_id") }'")
            }
            return ModelTest(name: "\(kind)_\(model)_\(column)", kind: kind == "unique" ? .unique(columns: [column]) : .notNull(column: column), location: node.location)
        }
        guard let mapping = node.node.mapping, mapping.count == 1, let key = mapping.keys.first?.string, let value = mapping.values.first else {
            throw node.error("a column test is a name (not_null, unique) or a single-key mapping such as 'accepted_values: { values: [a, b] }'")
        }
        let settingsNode = ConfigNode(node: value, file: node.file)
        let name = "\(key)_\(model)_\(column)"
        switch key {
        case "not_null", "unique":
            let settings = try settingsNode.mapping(allowed: ["severity"], what: key)
            return ModelTest(name: name, kind: key == "unique" ? .unique(columns: [column]) : .notNull(column: column), severity: try severity(settings), location: node.location)
        case "accepted_values":
            let settings = try settingsNode.mapping(allowed: ["values", "quote", "severity"], required: ["values"], what: "accepted_values")
            let values = try settings["values"]!.list("values").map { n throws(IngestError) in try n.string("a value") }
            var quote = true
            if let node = settings["quote"] { quote = try node.choice("quote", ["true", "false"]) == "true" }
            return ModelTest(name: name, kind: .acceptedValues(column: column, values: values, quote: quote), severity: try severity(settings), location: node.location)
        case "relationships":
            let settings = try settingsNode.mapping(allowed: ["to", "field", "severity"], required: ["to", "field"], what: "relationships")
            return ModelTest(
                name: name,
                kind: .relationships(column: column, to: try settings["to"]!.string("to"), field: try settings["field"]!.string("field")),
                severity: try severity(settings),
                location: node.location
            )
        default:
            throw ConfigNode(node: mapping.keys.first!, file: node.file).error(
                "unknown test '\(key)'\(Suggestions.didYouMean(key, among: kinds)); column tests are \(kinds.joined(separator: ", ")), or write a model-level test with 'sql:'"
            )
        }
    }

    private static func modelTest(_ node: ConfigNode, model: String) throws(IngestError) -> ModelTest {
        let keys = try node.mapping(allowed: ["name", "sql", "severity", "unique"], what: "a model test")
        if let unique = keys["unique"] {
            let columns = try unique.list("unique").map { n throws(IngestError) in try n.string("a column") }
            return ModelTest(
                name: try keys["name"]?.string("name") ?? "unique_\(model)_\(columns.joined(separator: "_"))",
                kind: .unique(columns: columns),
                severity: try severity(keys),
                location: node.location
            )
        }
        guard let sql = keys["sql"] else { throw node.error("a model test needs 'sql: SELECT … (rows returned are failures)' or 'unique: [col_a, col_b]'") }
        guard let name = keys["name"] else { throw node.error("a model test needs a 'name'") }
        return ModelTest(name: try name.string("name"), kind: .custom(sql: try sql.string("sql")), severity: try severity(keys), location: node.location)
    }
}
