/// What a model's YAML says about it (everything optional: a bare .sql file is a `table` model).
public struct ModelConfig: Sendable {
    public enum Materialization: String, Sendable, CaseIterable {
        case table, incremental
    }

    public var description: String?
    public var owner: String?
    public var tags: [String] = []
    public var materialized: Materialization = .table
    /// Columns identifying a row for incremental MERGE.
    public var uniqueKey: [String] = []
    /// Column descriptions.
    public var columns: [String: String] = [:]
    public var tests: [ModelTest] = []
    /// Where the config is, for messages.
    public var location: String?

    public init() {}
}
