/// The functions a session can call, by lower-case name (aliases registered under each name).
public struct FunctionRegistry: Sendable {
    public private(set) var scalars: [String: any ScalarFunction] = [:]
    public private(set) var aggregates: [String: any AggregateFunction] = [:]
    public private(set) var windows: [String: any WindowFunction] = [:]

    public init() {}

    /// Every built-in function.
    public static let builtins: FunctionRegistry = {
        var registry = FunctionRegistry()
        registry.registerBuiltins()
        return registry
    }()

    public mutating func register(_ function: any ScalarFunction, aliases: [String] = []) {
        for name in [function.name] + aliases { scalars[name] = function }
    }

    public mutating func register(_ function: any AggregateFunction, aliases: [String] = []) {
        for name in [function.name] + aliases { aggregates[name] = function }
    }

    public mutating func register(_ function: any WindowFunction, aliases: [String] = []) {
        for name in [function.name] + aliases { windows[name] = function }
    }

    public func scalar(_ name: String) -> (any ScalarFunction)? { scalars[name.lowercased()] }
    public func aggregate(_ name: String) -> (any AggregateFunction)? { aggregates[name.lowercased()] }
    public func window(_ name: String) -> (any WindowFunction)? { windows[name.lowercased()] }

    /// Every registered name, for "did you mean" suggestions.
    public var allNames: [String] { Array(scalars.keys) + Array(aggregates.keys) + Array(windows.keys) }
}
