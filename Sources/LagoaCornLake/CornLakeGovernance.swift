/// The demo's domains (owners, data products) and data contracts. Descriptive today; enforced by
/// the governance work to come.
enum CornLakeGovernance {
    static let files: [(String, String)] = [
        ("domains/sales.yaml", """
            domain: sales
            description: Customers, orders and what CornLake sells
            owner: { team: Sales Data, email: sales-data@cornlake.example }
            data_products:
              - name: revenue_by_crop_month
                table: sales.spec.revenue_by_crop_month
                contract: contracts/revenue_by_crop_month.yaml
                consumers: [finance, board-reporting]
                sla: { freshness: 1 day, available_by: "06:00 America/Sao_Paulo" }

            """),
        ("domains/agronomy.yaml", """
            domain: agronomy
            description: Farms, fields, crops, harvests and weather
            owner: { team: Agronomy, email: agronomy@cornlake.example }
            data_products:
              - name: yield_per_hectare
                table: agronomy.spec.yield_per_hectare
                contract: contracts/yield_per_hectare.yaml
                consumers: [sales, agronomists]
                sla: { freshness: 1 day }

            """),
        ("domains/logistics.yaml", """
            domain: logistics
            description: Warehouses and shipments
            owner: { team: Logistics, email: logistics@cornlake.example }
            data_products:
              - name: delivery_lead_time
                table: logistics.spec.delivery_lead_time
                consumers: [sales]
                sla: { freshness: 1 day }

            """),
        ("domains/finance.yaml", """
            domain: finance
            description: Invoices and payments
            owner: { team: Finance, email: finance@cornlake.example }
            data_products:
              - name: receivables_aging
                table: finance.spec.receivables_aging
                consumers: [cfo-office]
                sla: { freshness: 1 day }

            """),
        ("contracts/revenue_by_crop_month.yaml", """
            # ODCS v3 style data contract.
            apiVersion: v3.0.0
            kind: DataContract
            id: cornlake-sales-revenue-by-crop-month
            name: revenue_by_crop_month
            domain: sales
            status: active
            schema:
              - name: revenue_by_crop_month
                physicalName: sales.spec.revenue_by_crop_month
                properties:
                  - { name: month, logicalType: date, required: true }
                  - { name: crop, logicalType: string, required: true }
                  - { name: orders, logicalType: integer }
                  - { name: tonnes, logicalType: number }
                  - { name: revenue, logicalType: number, description: BRL }
                quality:
                  - { rule: unique, columns: [month, crop] }
                  - { rule: sql, query: "SELECT count(*) FROM sales.spec.revenue_by_crop_month WHERE revenue <= 0", mustBe: 0 }
            slaProperties:
              - { property: frequency, value: 1, unit: d }
              - { property: latency, value: 6, unit: h }

            """),
        ("contracts/customers.yaml", """
            apiVersion: v3.0.0
            kind: DataContract
            id: cornlake-sales-customers
            name: customers
            domain: sales
            status: active
            schema:
              - name: customers
                physicalName: sales.sot.customers
                properties:
                  - { name: customer_id, logicalType: integer, required: true, unique: true }
                  - { name: name, logicalType: string, classification: pii }
                  - { name: email, logicalType: string, classification: pii, tags: [pii.email] }
                  - { name: cpf, logicalType: string, classification: pii, tags: [pii.national_id] }
                  - { name: phone, logicalType: string, classification: pii, tags: [pii.phone] }
                  - { name: status, logicalType: string }

            """),
        ("contracts/yield_per_hectare.yaml", """
            apiVersion: v3.0.0
            kind: DataContract
            id: cornlake-agronomy-yield-per-hectare
            name: yield_per_hectare
            domain: agronomy
            status: active
            schema:
              - name: yield_per_hectare
                physicalName: agronomy.spec.yield_per_hectare
                properties:
                  - { name: farm_id, logicalType: integer, required: true }
                  - { name: crop, logicalType: string, required: true }
                  - { name: season, logicalType: integer, required: true }
                  - { name: tonnes_per_hectare, logicalType: number }
                quality:
                  - { rule: unique, columns: [farm_id, crop, season] }

            """),
    ]
}
