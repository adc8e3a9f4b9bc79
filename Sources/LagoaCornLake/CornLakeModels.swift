/// The demo's SQL models: SOT tables clean the raw data (duplicates, malformed emails, mixed-case
/// statuses, typing errors), SPEC tables answer one consumer's questions.
enum CornLakeModels {
    /// The newest snapshot of a fully extracted table: its latest ingestion date.
    static func latest(_ source: String, _ table: String) -> String {
        "(SELECT * FROM {{ source('\(source)', '\(table)') }} WHERE _lagoa_ingestion_date = (SELECT max(_lagoa_ingestion_date) FROM {{ source('\(source)', '\(table)') }}))"
    }

    static let files: [(String, String)] = [
        ("models/sales/sot/customers.sql", """
            -- One row per customer: the newest version (duplicates from old imports dropped), email
            -- lower-cased and NULL when malformed, CPF and phone as digits only.
            SELECT customer_id,
                   regexp_replace(trim(name), ' +', ' ', 'g') AS name,
                   CASE WHEN regexp_matches(lower(trim(email)), '^[a-z0-9._%+-]+@[a-z0-9-]+(\\.[a-z0-9-]+)+$')
                        THEN lower(trim(email)) END AS email,
                   regexp_replace(cpf, '[^0-9]', '', 'g') AS cpf,
                   CASE WHEN phone IS NOT NULL THEN right(regexp_replace(phone, '[^0-9]', '', 'g'), 11) END AS phone,
                   city, state, created_at, updated_at, lower(trim(status)) AS status
            FROM \(latest("sales_db", "customers")) AS c
            QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY updated_at DESC) = 1

            """),
        ("models/sales/sot/orders.sql", """
            -- Orders, latest version of each (status changes arrive as new rows of later ingestion
            -- dates). Incremental: only the newest ingestion date is read, merged by order_id.
            SELECT order_id, customer_id, order_date, lower(trim(status)) AS status, channel, updated_at
            FROM {{ source('sales_db', 'orders') }}
            {% if is_incremental() %}
            WHERE _lagoa_ingestion_date = (SELECT max(_lagoa_ingestion_date) FROM {{ source('sales_db', 'orders') }})
            {% endif %}
            QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY updated_at DESC, _lagoa_ingestion_date DESC) = 1

            """),
        ("models/sales/sot/order_items.sql", """
            SELECT order_id, line_no, crop_id, quantity_tonnes, unit_price, round(quantity_tonnes * unit_price, 2) AS line_amount
            FROM \(latest("sales_db", "order_items")) AS i

            """),
        ("models/sales/sot/schema.yaml", """
            models:
              - name: customers
                description: CornLake's customers, one row each, personal data normalised
                owner: sales-data@cornlake.example
                tags: [pii]
                columns:
                  - name: customer_id
                    tests: [not_null, unique]
                  - name: email
                    description: Lower-cased; NULL when the CRM held a malformed address
                    tests:
                      - not_null: { severity: warn }
                  - name: status
                    tests:
                      - accepted_values: { values: [active, inactive] }
                tests:
                  - name: cpf_has_11_digits
                    sql: "SELECT * FROM {{ this }} WHERE length(cpf) <> 11"
              - name: orders
                description: Orders with their latest status
                owner: sales-data@cornlake.example
                materialized: incremental
                unique_key: order_id
                columns:
                  - name: order_id
                    tests: [not_null, unique]
                  - name: status
                    tests:
                      - accepted_values: { values: [pending, shipped, delivered, cancelled] }
                  - name: customer_id
                    description: A few orders point at customers the CRM lost (kept, flagged by this warning)
                    tests:
                      - relationships: { to: "ref('customers')", field: customer_id, severity: warn }
              - name: order_items
                description: Order lines with their amount
                owner: sales-data@cornlake.example
                columns:
                  - name: order_id
                    tests:
                      - relationships: { to: "ref('orders')", field: order_id }
                tests:
                  - unique: [order_id, line_no]
                  - name: positive_amounts
                    sql: "SELECT * FROM {{ this }} WHERE line_amount <= 0"

            """),
        ("models/sales/spec/revenue_by_crop_month.sql", """
            -- Revenue and tonnes sold per crop and month (cancelled orders excluded): the sales
            -- team's monthly report.
            SELECT CAST(date_trunc('month', o.order_date) AS DATE) AS month, c.name AS crop,
                   count(DISTINCT o.order_id) AS orders, sum(i.quantity_tonnes) AS tonnes, sum(i.line_amount) AS revenue
            FROM {{ ref('order_items') }} AS i
            JOIN {{ ref('orders') }} AS o ON o.order_id = i.order_id
            JOIN {{ ref('crops') }} AS c ON c.crop_id = i.crop_id
            WHERE o.status <> 'cancelled'
            GROUP BY 1, 2

            """),
        ("models/sales/spec/schema.yaml", """
            models:
              - name: revenue_by_crop_month
                description: Monthly revenue and tonnes per crop, for the sales report
                owner: sales-data@cornlake.example
                columns:
                  - name: month
                    tests: [not_null]
                  - name: crop
                    tests:
                      - relationships: { to: "ref('crops')", field: name }
                tests:
                  - unique: [month, crop]
                  - name: revenue_positive
                    sql: "SELECT * FROM {{ this }} WHERE revenue <= 0"

            """),
        ("models/agronomy/sot/farms.sql", "SELECT farm_id, name, state, city, area_hectares FROM \(latest("agronomy_db", "farms")) AS f\n"),
        ("models/agronomy/sot/fields.sql", "SELECT field_id, farm_id, name, area_hectares, soil_type FROM \(latest("agronomy_db", "fields")) AS f\n"),
        ("models/agronomy/sot/crops.sql", "SELECT crop_id, name, category, price_per_tonne FROM \(latest("agronomy_db", "crops")) AS c\n"),
        ("models/agronomy/sot/harvests.sql", """
            -- Harvests without the typing errors (non-positive weights), one row per harvest.
            SELECT harvest_id, field_id, crop_id, harvest_date, tonnes, moisture_pct
            FROM {{ source('agronomy_db', 'harvests') }}
            WHERE tonnes > 0
            QUALIFY row_number() OVER (PARTITION BY harvest_id ORDER BY _lagoa_ingestion_date DESC) = 1

            """),
        ("models/agronomy/sot/schema.yaml", """
            models:
              - name: farms
                owner: agronomy@cornlake.example
                columns:
                  - name: farm_id
                    tests: [not_null, unique]
              - name: fields
                owner: agronomy@cornlake.example
                columns:
                  - name: field_id
                    tests: [not_null, unique]
                  - name: farm_id
                    tests:
                      - relationships: { to: "ref('farms')", field: farm_id }
              - name: crops
                owner: agronomy@cornlake.example
                columns:
                  - name: crop_id
                    tests: [unique]
                  - name: category
                    tests:
                      - accepted_values: { values: [grain, oilseed, fiber, beverage, sugar, pulse] }
              - name: harvests
                description: Harvests with a positive weight
                owner: agronomy@cornlake.example
                columns:
                  - name: harvest_id
                    tests: [unique]
                  - name: field_id
                    tests:
                      - relationships: { to: "ref('fields')", field: field_id }
                  - name: moisture_pct
                    tests:
                      - not_null: { severity: warn }

            """),
        ("models/agronomy/spec/yield_per_hectare.sql", """
            -- Tonnes per harvested hectare by farm, crop and season: the agronomy dashboard.
            SELECT fa.farm_id, fa.name AS farm, c.name AS crop, CAST(extract(year FROM h.harvest_date) AS INTEGER) AS season,
                   count(*) AS harvests, sum(h.tonnes) AS tonnes, sum(f.area_hectares) AS hectares,
                   round(sum(h.tonnes) / sum(f.area_hectares), 3) AS tonnes_per_hectare
            FROM {{ ref('harvests') }} AS h
            JOIN {{ ref('fields') }} AS f ON f.field_id = h.field_id
            JOIN {{ ref('farms') }} AS fa ON fa.farm_id = f.farm_id
            JOIN {{ ref('crops') }} AS c ON c.crop_id = h.crop_id
            GROUP BY 1, 2, 3, 4

            """),
        ("models/agronomy/spec/weather_daily.sql", """
            -- Daily weather per farm (readings without a temperature are left out of the averages).
            SELECT farm_id, CAST(reading_at AS DATE) AS day, round(avg(temperature_c), 1) AS avg_temperature_c,
                   max(temperature_c) AS max_temperature_c, sum(rainfall_mm) AS rainfall_mm, count(*) AS readings
            FROM {{ source('agronomy_db', 'weather_readings') }}
            GROUP BY 1, 2

            """),
        ("models/agronomy/spec/schema.yaml", """
            models:
              - name: yield_per_hectare
                description: Yield per harvested hectare by farm, crop and season
                owner: agronomy@cornlake.example
                tests:
                  - unique: [farm_id, crop, season]
                  - name: plausible_yield
                    sql: "SELECT * FROM {{ this }} WHERE tonnes_per_hectare <= 0 OR tonnes_per_hectare > 200"
              - name: weather_daily
                owner: agronomy@cornlake.example
                tests:
                  - unique: [farm_id, day]

            """),
        ("models/logistics/sot/shipments.sql", """
            SELECT s.shipment_id, s.order_id, s.warehouse_id, w.name AS warehouse, s.shipped_at, s.delivered_at, s.status, s.tonnes
            FROM \(latest("logistics_db", "shipments")) AS s
            LEFT JOIN \(latest("logistics_db", "warehouses")) AS w ON w.warehouse_id = s.warehouse_id

            """),
        ("models/logistics/spec/delivery_lead_time.sql", """
            -- Days from order to delivery per warehouse and month: the logistics team's SLA view.
            SELECT s.warehouse, CAST(date_trunc('month', o.order_date) AS DATE) AS month, count(*) AS deliveries,
                   round(avg(date_diff('day', o.order_date, CAST(s.delivered_at AS DATE))), 2) AS avg_days,
                   max(date_diff('day', o.order_date, CAST(s.delivered_at AS DATE))) AS max_days
            FROM {{ ref('shipments') }} AS s
            JOIN {{ ref('orders') }} AS o ON o.order_id = s.order_id
            WHERE s.delivered_at IS NOT NULL
            GROUP BY 1, 2

            """),
        ("models/logistics/schema.yaml", """
            models:
              - name: shipments
                owner: logistics@cornlake.example
                columns:
                  - name: shipment_id
                    tests: [not_null, unique]
                  - name: status
                    tests:
                      - accepted_values: { values: [in_transit, delivered] }
              - name: delivery_lead_time
                owner: logistics@cornlake.example
                tests:
                  - name: no_negative_lead_time
                    sql: "SELECT * FROM {{ this }} WHERE avg_days < 0"

            """),
        ("models/finance/sot/invoices.sql", """
            -- Invoices with what was paid on them.
            SELECT i.invoice_id, i.order_id, i.issued_on, i.due_on, i.amount, i.status,
                   coalesce(p.paid, 0) AS paid_amount, i.amount - coalesce(p.paid, 0) AS outstanding
            FROM \(latest("finance_db", "invoices")) AS i
            LEFT JOIN (SELECT invoice_id, sum(amount) AS paid FROM {{ source('finance_db', 'payments') }} GROUP BY 1) AS p
              ON p.invoice_id = i.invoice_id

            """),
        ("models/finance/spec/receivables_aging.sql", """
            -- Open receivables by how late they are on the ingestion date: the finance team's aging report.
            WITH open AS (
                SELECT outstanding, date_diff('day', due_on, DATE '2026-11-20') AS days_late FROM {{ ref('invoices') }} WHERE outstanding > 0
            )
            SELECT CASE WHEN days_late <= 0 THEN '0 not due' WHEN days_late <= 30 THEN '1-30 days'
                        WHEN days_late <= 60 THEN '31-60 days' WHEN days_late <= 90 THEN '61-90 days' ELSE '90+ days' END AS bucket,
                   count(*) AS invoices, sum(outstanding) AS outstanding
            FROM open GROUP BY 1

            """),
        ("models/finance/schema.yaml", """
            models:
              - name: invoices
                owner: finance@cornlake.example
                columns:
                  - name: invoice_id
                    tests: [not_null, unique]
                  - name: order_id
                    tests:
                      - relationships: { to: "ref('orders')", field: order_id }
                  - name: status
                    tests:
                      - accepted_values: { values: [paid, open, overdue] }
                tests:
                  - name: never_overpaid
                    sql: "SELECT * FROM {{ this }} WHERE outstanding < 0"
              - name: receivables_aging
                owner: finance@cornlake.example
                columns:
                  - name: bucket
                    tests: [unique]

            """),
        ("tests/every_delivered_order_has_a_shipment.sql", """
            -- Singular test (lagoa test): delivered orders must have a shipment.
            SELECT o.order_id FROM {{ ref('orders') }} AS o
            WHERE o.status = 'delivered' AND NOT EXISTS (SELECT 1 FROM {{ ref('shipments') }} AS s WHERE s.order_id = o.order_id)

            """),
    ]
}
