/// The files of the CornLake demo project (`lagoa demo` writes them into ./lagoa-demo): lagoa.yaml,
/// a source per domain system, SOT and SPEC models with tests, domains and contracts.
public enum CornLakeProject {
    /// Where the operational data lives.
    public enum Source: Sendable {
        /// SQLite files `<folder>/<domain>.db`, relative to the project.
        case sqlite(folder: String)
        /// One PostgreSQL database, a schema per domain; the password comes from `passwordEnv`.
        case postgresql(url: String, passwordEnv: String)
    }

    /// `(path, contents)` of every file.
    public static func files(source: Source) -> [(path: String, contents: String)] {
        var out: [(String, String)] = [
            ("lagoa.yaml", """
                # CornLake: a fictional agribusiness, Lagoa's demo (see docs/demo.md).
                name: cornlake
                description: Sales, agronomy, logistics and finance of CornLake, from operational databases to data products
                warehouse: ./warehouse
                timezone: America/Sao_Paulo

                """),
            (".gitignore", "warehouse/\nlogs/\ndata/\n"),
        ]
        for domain in CornLakeSchema.domains {
            out.append(("sources/\(domain)_db.yaml", sourceFile(domain, source)))
        }
        out += CornLakeModels.files
        out += CornLakeGovernance.files
        return out
    }

    /// How each table is extracted.
    static let tableModes: [String: String] = [
        "orders": "    mode: incremental\n    cursor: updated_at\n    lookback: 1 day\n",
        "harvests": "    mode: incremental\n    cursor: harvest_id\n",
        "weather_readings": "    mode: incremental\n    cursor: reading_id\n",
        "payments": "    mode: incremental\n    cursor: payment_id\n",
    ]

    static func sourceFile(_ domain: String, _ source: Source) -> String {
        var text = "# The \(domain) system's operational database.\nname: \(domain)_db\ndomain: \(domain)\n"
        switch source {
        case .sqlite(let folder):
            text += "type: sqlite\npath: \(folder)/\(domain).db\n"
        case .postgresql(let url, let variable):
            text += "type: postgresql\nurl: \(url)\npassword_env: \(variable)\nschema: \(domain)\n"
        }
        text += "timezone: America/Sao_Paulo\nschedule: \"0 3 * * *\"        # daily at 03:00 São Paulo time\nparallelism: 2\ntables:\n"
        for (table, _) in CornLakeSchema.tables[domain]! {
            if let mode = tableModes[table] {
                text += "  - name: \(table)\n" + mode
            } else {
                text += "  - \(table)\n"
            }
        }
        return text
    }
}
