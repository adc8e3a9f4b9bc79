/// One SQL model: `models/<domain>/<layer>/<name>.sql`, materialized as `<domain>.<layer>.<name>`.
public struct Model: Sendable {
    public var name: String
    public var domain: String
    /// `sot` or `spec`.
    public var layer: String
    /// Relative to the project, e.g. `models/sales/sot/customers.sql`.
    public var path: String
    public var template: ModelTemplate
    public var config: ModelConfig

    /// The table it builds.
    public var table: String { "\(domain).\(layer).\(name)" }
}
