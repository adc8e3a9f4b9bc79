import Foundation
import LagoaCore
import Yams

/// `lagoa.yaml`, the file that makes a folder a Lagoa project.
///
/// ```yaml
/// name: cornlake
/// warehouse: ./warehouse              # a folder or s3://bucket/prefix
/// catalog: sqlite:./warehouse/catalog.db   # optional; postgresql://… for a shared catalog
/// timezone: America/Sao_Paulo         # execution dates are days in this zone
/// environments:                       # optional overrides chosen with --env
///   prod:
///     warehouse: s3://cornlake-lake/prod
///     catalog: postgresql://lagoa@catalog.internal:5432/lagoa
/// ```
public struct ProjectConfig: Sendable {
    public var file: String
    public var name: String
    public var warehouse: String
    public var catalog: String?
    public var timezone: String?
    public var description: String?
    /// Per-environment warehouse and catalog overrides.
    public var environments: [String: (warehouse: String?, catalog: String?)]

    public init(parsing text: String, file: String = "lagoa.yaml") throws(IngestError) {
        let root = try ConfigNode.parse(text, file: file)
        let keys = try root.mapping(allowed: ["name", "warehouse", "catalog", "timezone", "description", "environments"], required: ["name"], what: "lagoa.yaml")
        self.file = file
        name = try keys["name"]!.string("name")
        guard SourceConfig.isName(name) else { throw keys["name"]!.error("name '\(name)' must be lower-case letters, digits and _") }
        warehouse = try keys["warehouse"]?.string("warehouse") ?? "./warehouse"
        catalog = try keys["catalog"]?.string("catalog")
        timezone = try keys["timezone"]?.string("timezone")
        description = try keys["description"]?.string("description")
        if let zone = keys["timezone"] {
            do { _ = try ExecutionDate.today(in: timezone) } catch { throw zone.error(error.message) }
        }
        environments = [:]
        if let node = keys["environments"] {
            guard let mapping = node.node.mapping else { throw node.error("environments must map names (dev, prod) to their warehouse and catalog") }
            for (key, value) in mapping {
                let name = key.string ?? ""
                let entry = try ConfigNode(node: value, file: file).mapping(allowed: ["warehouse", "catalog"], what: "environment '\(name)'")
                environments[name] = (try entry["warehouse"]?.string("warehouse"), try entry["catalog"]?.string("catalog"))
            }
        }
        for text in [catalog] + environments.values.map(\.catalog) {
            if let text, text.contains("@"), let scheme = text.range(of: "://"), text[scheme.upperBound...].prefix(while: { $0 != "@" }).contains(":") {
                throw root.error("a catalog URL in lagoa.yaml holds a password; remove it and set PGPASSWORD (or LAGOA_CATALOG) in the environment instead")
            }
        }
    }

    /// Warehouse and catalog for `environment` (`nil`: the top-level ones).
    /// - Throws: ``IngestError/Code/configuration`` for an unknown environment.
    public func settings(environment: String?) throws(IngestError) -> (warehouse: String, catalog: String?) {
        guard let environment else { return (warehouse, catalog) }
        guard let found = environments[environment] else {
            throw IngestError(
                .configuration,
                "\(file): no environment '\(environment)'\(Suggestions.didYouMean(environment, among: Array(environments.keys))) (environments: \(environments.keys.sorted().joined(separator: ", ")))"
            )
        }
        return (found.warehouse ?? warehouse, found.catalog ?? catalog)
    }
}
