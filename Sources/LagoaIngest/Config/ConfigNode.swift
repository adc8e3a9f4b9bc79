import LagoaCore
public import Yams

/// A node of a project YAML file with where it is, so every configuration error names
/// `file:line:column` and says what to write instead.
public struct ConfigNode {
    public let node: Node
    /// The file as the user sees it (relative to the project), e.g. `sources/crm.yaml`.
    public let file: String

    public init(node: Node, file: String) {
        self.node = node
        self.file = file
    }

    /// Parses `text` (the contents of `file`).
    /// - Throws: ``IngestError/Code/configuration`` with YAML's own complaint and its position.
    public static func parse(_ text: String, file: String) throws(IngestError) -> ConfigNode {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw IngestError(.configuration, "\(file): the file is empty; see `lagoa init` for an example")
            }
            return ConfigNode(node: node, file: file)
        } catch let error as IngestError {
            throw error
        } catch let error as YamlError {
            throw IngestError(.configuration, "\(file): not valid YAML: \(Self.describe(error))")
        } catch {
            throw IngestError(.configuration, "\(file): not valid YAML: \(error)")
        }
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            "line \(mark.line), column \(mark.column): \(problem)"
        default:
            "\(error)"
        }
    }

    /// `file:line:column`.
    public var location: String {
        guard let mark = node.mark else { return file }
        return "\(file):\(mark.line):\(mark.column)"
    }

    /// A configuration error at this node.
    public func error(_ message: String) -> IngestError {
        IngestError(.configuration, "\(location): \(message)")
    }

    /// The keys of a mapping, refusing keys not in `allowed` (with a did-you-mean) and missing
    /// `required` ones.
    public func mapping(allowed: [String], required: [String] = [], what: String) throws(IngestError) -> [String: ConfigNode] {
        guard case .mapping(let mapping) = node else {
            throw error("\(what) must be a mapping of keys (\(allowed.joined(separator: ", ")))")
        }
        var out: [String: ConfigNode] = [:]
        for (key, value) in mapping {
            let keyNode = ConfigNode(node: key, file: file)
            guard let name = key.string else { throw keyNode.error("keys of \(what) must be text") }
            guard allowed.contains(name) else {
                throw keyNode.error("unknown key '\(name)' in \(what)\(Suggestions.didYouMean(name, among: allowed)) (keys: \(allowed.joined(separator: ", ")))")
            }
            guard out[name] == nil else { throw keyNode.error("key '\(name)' appears twice in \(what)") }
            out[name] = ConfigNode(node: value, file: file)
        }
        for name in required where out[name] == nil {
            throw error("\(what) needs a '\(name)' key")
        }
        return out
    }

    /// The text of a scalar.
    public func string(_ what: String) throws(IngestError) -> String {
        guard case .scalar(let scalar) = node else { throw error("\(what) must be a single value, not a list or mapping") }
        return scalar.string
    }

    /// A whole number within `range`.
    public func int(_ what: String, in range: ClosedRange<Int>) throws(IngestError) -> Int {
        let text = try string(what)
        guard let value = Int(text), range.contains(value) else {
            throw error("\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return value
    }

    /// The items of a sequence (a single scalar counts as a list of one).
    public func list(_ what: String) throws(IngestError) -> [ConfigNode] {
        switch node {
        case .sequence(let sequence): return sequence.map { ConfigNode(node: $0, file: file) }
        case .scalar: return [self]
        default: throw error("\(what) must be a list")
        }
    }

    /// One of `choices`.
    public func choice(_ what: String, _ choices: [String]) throws(IngestError) -> String {
        let text = try string(what)
        guard choices.contains(text) else {
            throw error("\(what) '\(text)' is not one of \(choices.joined(separator: ", "))\(Suggestions.didYouMean(text, among: choices))")
        }
        return text
    }
}
