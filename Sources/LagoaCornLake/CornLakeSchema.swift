/// The operational tables of CornLake, by domain, as the SQLite DDL that creates them (declared
/// types map to exact Lagoa types: docs/ingest.md).
public enum CornLakeSchema {
    public static let domains = ["sales", "agronomy", "logistics", "finance"]

    /// `domain` → `(table, CREATE TABLE …)` in creation order.
    public static let tables: [String: [(String, String)]] = [
        "sales": [
            ("customers", "CREATE TABLE customers (customer_id INTEGER, name TEXT, email TEXT, cpf TEXT, phone TEXT, city TEXT, state TEXT, created_at DATETIME, updated_at DATETIME, status TEXT)"),
            ("orders", "CREATE TABLE orders (order_id INTEGER, customer_id INTEGER, order_date DATE, status TEXT, channel TEXT, updated_at DATETIME)"),
            ("order_items", "CREATE TABLE order_items (order_id INTEGER, line_no INTEGER, crop_id INTEGER, quantity_tonnes DECIMAL(12,3), unit_price DECIMAL(12,2))"),
        ],
        "agronomy": [
            ("farms", "CREATE TABLE farms (farm_id INTEGER, name TEXT, state TEXT, city TEXT, area_hectares DECIMAL(10,2))"),
            ("fields", "CREATE TABLE fields (field_id INTEGER, farm_id INTEGER, name TEXT, area_hectares DECIMAL(10,2), soil_type TEXT)"),
            ("crops", "CREATE TABLE crops (crop_id INTEGER, name TEXT, category TEXT, price_per_tonne DECIMAL(10,2))"),
            ("harvests", "CREATE TABLE harvests (harvest_id INTEGER, field_id INTEGER, crop_id INTEGER, harvest_date DATE, tonnes DECIMAL(12,3), moisture_pct REAL)"),
            ("weather_readings", "CREATE TABLE weather_readings (reading_id INTEGER, farm_id INTEGER, reading_at DATETIME, temperature_c REAL, rainfall_mm REAL, humidity_pct REAL)"),
        ],
        "logistics": [
            ("warehouses", "CREATE TABLE warehouses (warehouse_id INTEGER, name TEXT, city TEXT, state TEXT, capacity_tonnes DECIMAL(12,1))"),
            ("shipments", "CREATE TABLE shipments (shipment_id INTEGER, order_id INTEGER, warehouse_id INTEGER, shipped_at DATETIME, delivered_at DATETIME, status TEXT, tonnes DECIMAL(12,3))"),
        ],
        "finance": [
            ("invoices", "CREATE TABLE invoices (invoice_id INTEGER, order_id INTEGER, issued_on DATE, due_on DATE, amount DECIMAL(14,2), status TEXT)"),
            ("payments", "CREATE TABLE payments (payment_id INTEGER, invoice_id INTEGER, paid_on DATE, amount DECIMAL(14,2), method TEXT)"),
        ],
    ]

    /// The crops with their category and reference price per tonne (BRL).
    static let crops: [(name: String, category: String, price: Double, yield: Double)] = [
        ("corn", "grain", 1_150, 6.2), ("soybean", "oilseed", 2_300, 3.5), ("wheat", "grain", 1_450, 3.0),
        ("sorghum", "grain", 980, 3.4), ("cotton", "fiber", 8_400, 1.8), ("coffee", "beverage", 21_000, 1.6),
        ("sugarcane", "sugar", 150, 75.0), ("rice", "grain", 1_900, 6.5), ("beans", "pulse", 5_200, 1.4),
        ("oats", "grain", 1_100, 2.6), ("barley", "grain", 1_300, 3.2), ("sunflower", "oilseed", 2_600, 1.9),
    ]
}
