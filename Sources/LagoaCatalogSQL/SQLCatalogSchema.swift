/// The two tables of Iceberg's JDBC catalog, exactly as PyIceberg's `SqlCatalog` creates them
/// (its "v1" schema, which Java's `JdbcCatalog` also reads and writes).
///
/// - `iceberg_tables`: one row per table (or, written by Java or Rust, per view), keyed by catalog
///   name, dotted namespace and table name, holding the current and previous metadata locations.
///   `iceberg_type` is `TABLE`, `VIEW` or NULL (rows from before views existed); Lagoa writes `TABLE`
///   and treats NULL as a table, as PyIceberg and Java do.
/// - `iceberg_namespace_properties`: one row per namespace property. A namespace created without
///   properties gets the row `exists = true`, so it exists without tables (PyIceberg's convention).
///
/// A database whose `iceberg_tables` predates the `iceberg_type` column ("v0") is used as it is:
/// Lagoa neither writes nor filters on the column there, like PyIceberg without `schema_version`.
enum SQLCatalogSchema {
    static let createTables = """
        CREATE TABLE IF NOT EXISTS iceberg_tables (
            catalog_name VARCHAR(255) NOT NULL,
            table_namespace VARCHAR(255) NOT NULL,
            table_name VARCHAR(255) NOT NULL,
            metadata_location VARCHAR(1000),
            previous_metadata_location VARCHAR(1000),
            iceberg_type VARCHAR(5),
            PRIMARY KEY (catalog_name, table_namespace, table_name)
        )
        """

    static let createNamespaceProperties = """
        CREATE TABLE IF NOT EXISTS iceberg_namespace_properties (
            catalog_name VARCHAR(255) NOT NULL,
            namespace VARCHAR(255) NOT NULL,
            property_key VARCHAR(255) NOT NULL,
            property_value VARCHAR(1000) NOT NULL,
            PRIMARY KEY (catalog_name, namespace, property_key)
        )
        """

    /// Fails on a v0 `iceberg_tables` (no `iceberg_type` column).
    static let probeTypeColumn = "SELECT iceberg_type FROM iceberg_tables WHERE 1 = 0"

    /// The property every namespace created without properties gets, hidden from
    /// ``CatalogStore/namespaceProperties(_:)`` as Java's `JdbcCatalog` hides it.
    static let existsProperty = "exists"

    /// `iceberg_type` of a table row.
    static let tableType = "TABLE"
}
