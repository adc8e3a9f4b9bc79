import ArgumentParser
import Foundation
import LagoaIngest

/// `lagoa init [DIR]`: a new project folder with lagoa.yaml, sources/, models/, domains/, contracts/.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a project: lagoa.yaml, sources/, models/, domains/ and contracts/ with commented examples."
    )

    @Argument(help: "The project folder (created if missing; default: the working directory).") var directory: String = "."
    @Option(help: "The project's name (default: the folder's name, lower-cased).") var name: String?
    @Option(help: "Execution dates are days in this IANA time zone.") var timezone: String = "UTC"

    func run() async throws {
        try await CLIErrors.reporting {
            let root = ProcessEnvironment.absolutePath(directory)
            let manager = FileManager.default
            guard !manager.fileExists(atPath: root + "/lagoa.yaml") else {
                throw ValidationError("\(root)/lagoa.yaml already exists; this folder is already a project ('lagoa validate' checks it)")
            }
            let folderName = root.split(separator: "/").last.map(String.init) ?? "lake"
            let projectName = name ?? Self.slug(folderName)
            _ = try ExecutionDate.today(in: timezone)
            for (path, contents) in Self.files(name: projectName, timezone: timezone) {
                let full = root + "/" + path
                try manager.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                guard !manager.fileExists(atPath: full) else { continue }
                try Data(contents.utf8).write(to: URL(fileURLWithPath: full))
            }
            CLIErrors.writeOut("""
                created project '\(projectName)' in \(root)
                next: describe a source in sources/ (see sources/README.md), then 'lagoa validate' and 'lagoa ingest'

                """)
        }
    }

    static func slug(_ text: String) -> String {
        let mapped = text.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
        return mapped.first?.isLetter == true ? mapped : "lake_" + mapped
    }

    static func files(name: String, timezone: String) -> [(String, String)] {
        [
            ("lagoa.yaml", """
                # The Lagoa project. Paths are relative to this folder.
                name: \(name)
                warehouse: ./warehouse            # a folder, or s3://bucket/prefix
                # catalog: sqlite:./warehouse/catalog.db   (default) or postgresql://user@host:5432/db
                timezone: \(timezone)              # execution dates are days in this zone
                # environments:
                #   prod:
                #     warehouse: s3://my-lake/prod
                #     catalog: postgresql://lagoa@catalog.internal:5432/lagoa

                """),
            (".gitignore", "warehouse/\nlogs/\n"),
            ("sources/README.md", """
                # Sources
                One YAML file per operational database or file drop. Secrets come from environment
                variables (`password_env`), never from these files.

                ```yaml
                # sources/crm.yaml
                name: crm                     # default: the file name
                domain: sales                 # tables land in sales.sor.<table>
                type: postgresql              # postgresql | sqlite | files
                url: postgresql://app@db.internal:5432/crm?sslmode=require
                password_env: CRM_PASSWORD
                schema: public
                tables:                       # or include: ["*"] / exclude: ["tmp_*"]
                  - customers
                  - name: orders
                    mode: incremental         # full (default) | incremental
                    cursor: updated_at
                    lookback: 1 day
                parallelism: 4
                timezone: America/Sao_Paulo
                schedule: "0 3 * * *"
                ```

                ```yaml
                # sources/field_sensors.yaml
                domain: agronomy
                type: sqlite
                path: data/sensors.db
                ```

                """),
            ("models/README.md", """
                # Models
                `models/<domain>/<layer>/<name>.sql` holds one SELECT; it becomes the table
                `<domain>.<layer>.<name>` (layer `sot` or `spec`). Refer to raw tables with
                `{{ source('crm', 'customers') }}` and to other models with `{{ ref('customers') }}`.
                YAML files beside them set materialization, tests, owner and tags.

                """),
            ("domains/README.md", """
                # Domains
                One YAML file per business domain: its owner team and the data products it publishes.

                """),
            ("contracts/README.md", """
                # Contracts
                One YAML file per data product: schema, quality rules, SLA and PII classification.

                """),
        ]
    }
}
