import LagoaColumnar
import LagoaEngine
import LagoaIceberg

/// What `lagoa demo` prints at the end: every table with its rows, snapshots and partitions, then
/// a few SPEC results.
struct DemoSummary {
    let engine: Engine
    let catalog: Catalog

    func print() async throws {
        var rows: [[String]] = [["table", "rows", "snapshots", "rows per ingestion date"]]
        for domain in ["sales", "agronomy", "logistics", "finance"] {
            for layer in ["sor", "sot", "spec"] {
                let namespace = try Namespace([domain, layer])
                for id in (try? await catalog.listTables(in: namespace)) ?? [] {
                    let table = try await catalog.loadTable(id)
                    let count = try await scalar("SELECT count(*) FROM \(id)")
                    var perDate = ""
                    if layer == "sor" {
                        let result = try await engine.makeSession().query(
                            "SELECT _lagoa_ingestion_date, count(*) FROM \(id) GROUP BY 1 ORDER BY 1"
                        )
                        perDate = result.batches.flatMap { b in (0..<b.rowCount).map { "\(b.columns[0].value(at: $0)): \(b.columns[1].value(at: $0))" } }.joined(separator: ", ")
                    }
                    rows.append(["\(id)", count, "\(table.metadata.snapshots.count)", perDate])
                }
            }
        }
        CLIErrors.writeOut("\n" + ModelReport.align(rows))
        for (title, sql) in Self.questions {
            CLIErrors.writeOut("\n\(title)\n")
            let result = try await engine.makeSession().query(sql)
            try await ResultPrinter(format: .table, output: nil, maxRows: 20).print(result)
        }
    }

    private func scalar(_ sql: String) async throws -> String {
        let result = try await engine.makeSession().query(sql)
        return result.batches.first { $0.rowCount > 0 }.map { $0.columns[0].value(at: 0).description } ?? ""
    }

    static let questions: [(String, String)] = [
        ("Revenue by crop, last full month (sales.spec.revenue_by_crop_month):", """
            SELECT crop, orders, tonnes, revenue FROM sales.spec.revenue_by_crop_month
            WHERE month = DATE '2026-10-01' ORDER BY revenue DESC LIMIT 5
            """),
        ("Best yields of the 2026 season (agronomy.spec.yield_per_hectare):", """
            SELECT farm, crop, harvests, hectares, tonnes_per_hectare FROM agronomy.spec.yield_per_hectare
            WHERE season = 2026 AND harvests >= 2 ORDER BY tonnes_per_hectare DESC, farm LIMIT 5
            """),
        ("Receivables aging (finance.spec.receivables_aging):", "SELECT bucket, invoices, outstanding FROM finance.spec.receivables_aging ORDER BY bucket"),
        ("Delivery lead time by warehouse, October 2026 (logistics.spec.delivery_lead_time):", """
            SELECT warehouse, deliveries, avg_days, max_days FROM logistics.spec.delivery_lead_time
            WHERE month = DATE '2026-10-01' ORDER BY avg_days DESC, warehouse LIMIT 5
            """),
    ]
}
