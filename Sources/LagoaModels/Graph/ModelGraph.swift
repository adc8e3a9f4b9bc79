import LagoaPlanner
import LagoaCore

/// The models of a project and their `ref()` dependencies: a DAG, run in dependency order with
/// independent models side by side.
public struct ModelGraph: Sendable {
    /// Model name → the models it refs, in the order written.
    public let dependencies: [String: [String]]
    /// Model name → the models that ref it, sorted.
    public let dependents: [String: [String]]

    /// Builds the graph.
    /// - Parameter models: each model's name, its refs and where it is defined (for messages).
    /// - Throws: ``ModelError`` `.unknownModel` for a ref to no model (with the nearest names),
    ///   `.cycle` naming the models of a circle in order.
    public init(_ models: [(name: String, refs: [String], path: String)]) throws(ModelError) {
        var dependencies: [String: [String]] = [:]
        var paths: [String: String] = [:]
        for model in models {
            if let other = paths[model.name] {
                throw ModelError(.duplicate, "two models are named \(model.name): \(other) and \(model.path); rename one", location: model.path)
            }
            paths[model.name] = model.path
            dependencies[model.name] = model.refs
        }
        let names = dependencies.keys.sorted()
        var dependents: [String: [String]] = [:]
        for name in names { dependents[name] = [] }
        for model in models {
            for ref in model.refs {
                guard dependencies[ref] != nil else {
                    throw ModelError(
                        .unknownModel,
                        "ref('\(ref)') names no model" + Suggestions.didYouMean(ref, among: names),
                        location: model.path)
                }
                dependents[ref, default: []].append(model.name)
            }
        }
        self.dependencies = dependencies
        self.dependents = dependents.mapValues { Array(Set($0)).sorted() }
        if let cycle = Self.findCycle(dependencies, names) {
            throw ModelError(.cycle, "models depend on each other in a circle: \(cycle.joined(separator: " → ")); remove one of these refs", location: paths[cycle[0]])
        }
    }

    /// Every model name, sorted.
    public var names: [String] { dependencies.keys.sorted() }

    /// The models in dependency order as levels: every model comes after the models it refs, and
    /// the models of one level can run in parallel. Within a level, names are sorted.
    /// - Parameter only: restricts to these models (their order still follows the whole graph).
    public func levels(only: Set<String>? = nil) -> [[String]] {
        var depth: [String: Int] = [:]
        func level(_ name: String) -> Int {
            if let d = depth[name] { return d }
            let d = (dependencies[name] ?? []).map { level($0) + 1 }.max() ?? 0
            depth[name] = d
            return d
        }
        var levels: [[String]] = []
        for name in names where only?.contains(name) ?? true {
            let d = level(name)
            while levels.count <= d { levels.append([]) }
            levels[d].append(name)
        }
        return levels.filter { !$0.isEmpty }
    }

    /// The models a dbt-style selection names: `name`, `name+` (and everything downstream),
    /// `+name` (and everything upstream), `+name+`; several selectors are united.
    /// - Throws: ``ModelError/Code/unknownModel`` for a name no model has, with the nearest names.
    public func select(_ selectors: [String]) throws(ModelError) -> Set<String> {
        var selected = Set<String>()
        for selector in selectors {
            var name = Substring(selector)
            let upstream = name.hasPrefix("+")
            if upstream { name = name.dropFirst() }
            let downstream = name.hasSuffix("+")
            if downstream { name = name.dropLast() }
            let model = String(name)
            guard dependencies[model] != nil else {
                throw ModelError(.unknownModel, "--select \(selector): no model is named \(model)" + Suggestions.didYouMean(model, among: names))
            }
            selected.insert(model)
            if upstream { selected.formUnion(closure(of: model, along: dependencies)) }
            if downstream { selected.formUnion(closure(of: model, along: dependents)) }
        }
        return selected
    }

    /// Every model reachable from `start` along `edges` (not `start` itself).
    private func closure(of start: String, along edges: [String: [String]]) -> Set<String> {
        var seen = Set<String>()
        var stack = edges[start] ?? []
        while let next = stack.popLast() {
            if seen.insert(next).inserted { stack += edges[next] ?? [] }
        }
        return seen
    }

    /// A circle of refs as `[a, b, …, a]`, or `nil`.
    private static func findCycle(_ dependencies: [String: [String]], _ names: [String]) -> [String]? {
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var path: [String] = []
        func visit(_ name: String) -> [String]? {
            if state[name] == 2 { return nil }
            if state[name] == 1, let start = path.firstIndex(of: name) { return Array(path[start...]) + [name] }
            state[name] = 1
            path.append(name)
            for ref in dependencies[name] ?? [] {
                if let cycle = visit(ref) { return cycle }
            }
            path.removeLast()
            state[name] = 2
            return nil
        }
        for name in names {
            if let cycle = visit(name) { return cycle }
        }
        return nil
    }
}
