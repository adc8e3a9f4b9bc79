import Foundation
import LagoaCore
public import LagoaIngest

/// The models of a project: SQL files, their YAML configs, the DAG, and singular tests
/// (`tests/*.sql`).
public struct ModelProject: Sendable {
    public static let layers = ["sot", "spec"]

    public let root: String
    public let models: [String: Model]
    public let graph: ModelGraph
    /// `tests/<name>.sql`: SELECTs returning failing rows, run by `lagoa test`.
    public let singularTests: [(name: String, template: ModelTemplate)]
    /// Source name → its domain, for `source()`.
    public let sourceDomains: [String: String]

    /// Loads the models of the project at `root`, stopping at the first error.
    public static func load(root: String, sources: [SourceConfig]) throws(ModelError) -> ModelProject {
        let (project, errors) = validate(root: root, sources: sources)
        if let first = errors.first { throw first }
        return project!
    }

    /// Loads everything it can and returns every error (for `lagoa validate`).
    public static func validate(root: String, sources: [SourceConfig]) -> (ModelProject?, [ModelError]) {
        var errors: [ModelError] = []
        var models: [String: Model] = [:]
        var configs: [String: (ModelConfig, String)] = [:]
        let domains = Dictionary(sources.map { ($0.name, $0.domain) }, uniquingKeysWith: { a, _ in a })
        for file in files(root, under: "models") {
            if file.hasSuffix(".sql") {
                do {
                    let model = try loadModel(root: root, file: file)
                    if let other = models[model.name] {
                        errors.append(ModelError(.duplicate, "two models are named '\(model.name)': \(other.path) and \(file); model names are unique across the project"))
                        continue
                    }
                    models[model.name] = model
                } catch {
                    errors.append(error)
                }
            } else if file.hasSuffix(".yaml") || file.hasSuffix(".yml") {
                do {
                    for (name, config) in try ModelConfigReader.read(read(root, file), file: file) {
                        if let (_, other) = configs[name] {
                            errors.append(ModelError(.duplicate, "\(config.location ?? file): model '\(name)' is also configured in \(other)"))
                        }
                        configs[name] = (config, file)
                    }
                } catch {
                    errors.append(error)
                }
            }
        }
        for (name, (config, _)) in configs.sorted(by: { $0.key < $1.key }) {
            guard var model = models[name] else {
                errors.append(ModelError(.unknownModel, "\(config.location ?? ""): no model '\(name)' (no models/<domain>/<layer>/\(name).sql)\(Suggestions.didYouMean(name, among: Array(models.keys)))"))
                continue
            }
            model.config = config
            models[name] = model
        }
        for model in models.values.sorted(by: { $0.name < $1.name }) {
            for (source, table) in model.template.sources where domains[source] == nil {
                errors.append(ModelError(
                    .unknownModel,
                    "\(model.path): source('\(source)', '\(table)') names no source in sources/\(Suggestions.didYouMean(source, among: Array(domains.keys))) (sources: \(domains.keys.sorted().joined(separator: ", ")))"
                ))
            }
        }
        var singular: [(String, ModelTemplate)] = []
        for file in files(root, under: "tests") where file.hasSuffix(".sql") {
            do {
                let name = String(file.split(separator: "/").last!.dropLast(4))
                singular.append((name, try ModelTemplate(try read(root, file), path: file)))
            } catch {
                errors.append(error)
            }
        }
        let graph: ModelGraph
        do {
            graph = try ModelGraph(models.values.map { ($0.name, $0.template.refs + testRefs($0), $0.path) })
        } catch {
            return (nil, errors + [error])
        }
        return (ModelProject(root: root, models: models, graph: graph, singularTests: singular, sourceDomains: domains), errors)
    }

    /// Models a model's tests read (a relationships target, refs in custom SQL): they must be
    /// published before its tests can run, so they are dependencies in the DAG too.
    static func testRefs(_ model: Model) -> [String] {
        var refs: [String] = []
        for test in model.config.tests {
            let text: String
            switch test.kind {
            case .relationships(_, let to, _): text = to.contains("(") ? "{{ \(to) }}" : ""
            case .custom(let sql): text = sql
            default: continue
            }
            refs += ((try? ModelTemplate(text, path: test.location))?.refs ?? []).filter { $0 != model.name && !refs.contains($0) }
        }
        return refs
    }

    private static func loadModel(root: String, file: String) throws(ModelError) -> Model {
        let parts = file.split(separator: "/").map(String.init)
        guard parts.count == 4 else {
            throw ModelError(.configuration, "\(file): a model file goes in models/<domain>/<layer>/<name>.sql (layer: \(layers.joined(separator: " or ")))")
        }
        let (domain, layer, name) = (parts[1], parts[2], String(parts[3].dropLast(4)))
        guard layers.contains(layer) else {
            throw ModelError(.configuration, "\(file): layer '\(layer)' is not one of \(layers.joined(separator: ", "))\(Suggestions.didYouMean(layer, among: layers)); raw tables (sor) are written by 'lagoa ingest'")
        }
        for (what, text) in [("domain", domain), ("model", name)] where !isName(text) {
            throw ModelError(.configuration, "\(file): \(what) name '\(text)' must be lower-case letters, digits and _")
        }
        return Model(name: name, domain: domain, layer: layer, path: file, template: try ModelTemplate(try read(root, file), path: file), config: ModelConfig())
    }

    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// Files under `folder` (relative to the project), recursively, sorted.
    static func files(_ root: String, under folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root + "/" + folder) else { return [] }
        var out: [String] = []
        for case let path as String in walker where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            if path.hasSuffix(".sql") || path.hasSuffix(".yaml") || path.hasSuffix(".yml") { out.append(folder + "/" + path) }
        }
        return out.sorted()
    }

    static func read(_ root: String, _ file: String) throws(ModelError) -> String {
        guard let data = FileManager.default.contents(atPath: root + "/" + file), let text = String(data: data, encoding: .utf8) else {
            throw ModelError(.configuration, "\(file): cannot read it (missing or not UTF-8)")
        }
        return text
    }

    /// The table a template part names (`this` is `thisTable`).
    func resolve(_ part: ModelTemplate.Part, this thisTable: String?) throws(ModelError) -> String {
        switch part {
        case .ref(let name):
            guard let model = models[name] else {
                throw ModelError(.unknownModel, "ref('\(name)') names no model\(Suggestions.didYouMean(name, among: Array(models.keys)))")
            }
            return model.table
        case .source(let source, let table):
            guard let domain = sourceDomains[source] else {
                throw ModelError(.unknownModel, "source('\(source)', '\(table)') names no source\(Suggestions.didYouMean(source, among: Array(sourceDomains.keys)))")
            }
            return "\(domain).sor.\(table)"
        case .this:
            guard let thisTable else { throw ModelError(.template, "{{ this }} only works inside a model or a model's test") }
            return thisTable
        default:
            return ""
        }
    }

    /// `text` (template syntax allowed) with refs, sources and `this` resolved.
    func render(_ text: String, path: String, this thisTable: String?, incremental: Bool = false) throws(ModelError) -> String {
        try render(ModelTemplate(text, path: path), this: thisTable, incremental: incremental)
    }

    func render(_ template: ModelTemplate, this thisTable: String?, incremental: Bool) throws(ModelError) -> String {
        do {
            return try template.render(incremental: incremental) { part in try resolve(part, this: thisTable) }
        } catch let error as ModelError {
            throw ModelError(error.code, "\(template.path): \(error.message)")
        } catch {
            throw ModelError(.template, "\(template.path): \(error)")
        }
    }
}
