import LagoaModels
import Testing

@Suite struct ModelTemplateTests {
    static let customers = """
        -- deduplicated customers
        SELECT c.id, lower(c.email) AS email, o.last_order
        FROM {{ source('crm', 'customers') }} AS c
        LEFT JOIN {{ ref("orders_by_customer") }} AS o ON o.customer_id = c.id
        {# only new rows on incremental runs #}
        {% if is_incremental() %}
        WHERE c.updated_at > (SELECT max(updated_at) FROM {{ this }})
        {% else %}
        WHERE true
        {% endif %}
        """

    @Test("refs, sources and this are found and rendered; is_incremental picks a branch")
    func parseAndRender() throws {
        let template = try ModelTemplate(Self.customers, path: "models/sales/sot/customers.sql")
        #expect(template.refs == ["orders_by_customer"])
        #expect(template.sources.map { "\($0.source).\($0.table)" } == ["crm.customers"])
        func resolve(_ part: ModelTemplate.Part) -> String {
            switch part {
            case .ref(let name): "sales.sot.\(name)"
            case .source(let s, let t): "\(s).sor.\(t)"
            case .this: "sales.sot.customers"
            default: ""
            }
        }
        let full = template.render(incremental: false, resolve: resolve)
        #expect(full.contains("FROM crm.sor.customers AS c"))
        #expect(full.contains("LEFT JOIN sales.sot.orders_by_customer AS o"))
        #expect(full.contains("WHERE true"))
        #expect(!full.contains("max(updated_at)"))
        #expect(!full.contains("only new rows"))
        let incremental = template.render(incremental: true, resolve: resolve)
        #expect(incremental.contains("WHERE c.updated_at > (SELECT max(updated_at) FROM sales.sot.customers)"))
        #expect(!incremental.contains("WHERE true"))
    }

    @Test("a model without template parts renders unchanged; braces in SQL strings stay text")
    func plainSQL() throws {
        let sql = "SELECT '{', '{x}', 1 FROM t"
        let template = try ModelTemplate(sql, path: "m.sql")
        #expect(template.refs.isEmpty)
        #expect(template.render(incremental: false) { _ in "" } == sql)
    }

    @Test("mistakes name file:line:column and what to write", arguments: [
        ("SELECT 1\nFROM {{ ref('a') ", "m.sql:2:6: {{ is never closed; end it with }}"),
        ("SELECT {{ config(materialized='table') }}", "m.sql:1:8: unknown template expression {{ config(materialized='table') }}; use {{ ref('model') }}, {{ source('src', 'table') }} or {{ this }}"),
        ("SELECT 1 FROM {{ ref('a', 'b') }}", "m.sql:1:15: ref() takes one model name: {{ ref('customers') }}"),
        ("SELECT 1 FROM {{ ref(a) }}", "m.sql:1:15: ref() takes one model name: {{ ref('customers') }}"),
        ("SELECT 1 FROM {{ source('crm') }}", "m.sql:1:15: source() takes a source and a table: {{ source('crm', 'orders') }}"),
        ("{% if is_incremental() %}\nSELECT 1", "m.sql:1:1: {% if is_incremental() %} is never closed; add {% endif %}"),
        ("SELECT 1 {% endif %}", "m.sql:1:10: {% endif %} without a matching {% if is_incremental() %}"),
        ("{% for x in y %}{% endfor %}", "m.sql:1:1: unknown template tag {% for x in y %}; Lagoa models support {% if is_incremental() %} … {% else %} … {% endif %}"),
        ("SELECT 1 {# note", "m.sql:1:10: {# is never closed; end it with #}"),
    ])
    func errors(_ text: String, _ message: String) {
        #expect(throws: ModelError.self) { try ModelTemplate(text, path: "m.sql") }
        do {
            _ = try ModelTemplate(text, path: "m.sql")
        } catch {
            #expect(error.code == .template)
            #expect(error.description == message)
        }
    }
}
