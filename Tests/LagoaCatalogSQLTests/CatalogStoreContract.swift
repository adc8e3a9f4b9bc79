import LagoaIceberg
import Testing

/// The behaviour every ``CatalogStore`` must show, run against each store by
/// `SQLiteContractTests` and `PostgresContractTests`. Each check gets a fresh, empty catalog.
enum CatalogStoreContract {
    static func namespacesAndNesting(_ store: any CatalogStore) async throws {
        try await store.createNamespace(ns("sales"), properties: ["owner": "ana"])
        try await store.createNamespace(ns("sales.eu.de"), properties: [:])
        try await store.createNamespace(ns("hr"), properties: [:])
        // `sales_x` must not count as being under `sales` (no LIKE wildcard for `_`).
        try await store.createNamespace(ns("sales_x"), properties: [:])

        #expect(try await store.namespaceExists(ns("sales")))
        #expect(try await store.namespaceExists(ns("sales.eu")), "implicit parent of sales.eu.de")
        #expect(try await store.namespaceExists(ns("sales.eu.de")))
        #expect(try await !store.namespaceExists(ns("sales.us")))
        #expect(try await !store.namespaceExists(ns("Sales")), "names are case-sensitive")

        #expect(try await store.listNamespaces(under: nil) == [ns("hr"), ns("sales"), ns("sales_x")])
        #expect(try await store.listNamespaces(under: ns("sales")) == [ns("sales.eu")])
        #expect(try await store.listNamespaces(under: ns("sales.eu")) == [ns("sales.eu.de")])
        #expect(try await store.listNamespaces(under: ns("sales.eu.de")) == [])
        await expectIcebergError(.notFound, "namespace 'nope' does not exist in catalog 'lagoa'") {
            () throws(IcebergError) in _ = try await store.listNamespaces(under: ns("nope"))
        }

        await expectIcebergError(.alreadyExists, "namespace 'sales' already exists in catalog 'lagoa'") {
            () throws(IcebergError) in try await store.createNamespace(ns("sales"), properties: [:])
        }
        await expectIcebergError(.alreadyExists, "namespace 'sales.eu' already exists in catalog 'lagoa'") {
            () throws(IcebergError) in try await store.createNamespace(ns("sales.eu"), properties: [:])
        }

        // Tables count for listing: `ops` shows up through `ops.logs` and its table.
        try await store.createNamespace(ns("ops.logs"), properties: [:])
        try await store.createTable(table("ops.logs.events"), metadataLocation: "m0")
        #expect(try await store.listNamespaces(under: nil) == [ns("hr"), ns("ops"), ns("sales"), ns("sales_x")])
        #expect(try await store.listNamespaces(under: ns("ops")) == [ns("ops.logs")])
    }

    static func namespaceProperties(_ store: any CatalogStore) async throws {
        try await store.createNamespace(ns("sales"), properties: ["owner": "ana", "tier": "gold"])
        try await store.createNamespace(ns("hr"), properties: [:])
        #expect(try await store.namespaceProperties(ns("sales")) == ["owner": "ana", "tier": "gold"])
        #expect(try await store.namespaceProperties(ns("hr")) == [:], "the 'exists' marker is hidden")

        try await store.updateNamespaceProperties(ns("sales"), removals: ["tier"], updates: ["owner": "bo", "x": "1"])
        #expect(try await store.namespaceProperties(ns("sales")) == ["owner": "bo", "x": "1"])

        // Removing every property keeps the namespace.
        try await store.updateNamespaceProperties(ns("sales"), removals: ["owner", "x"], updates: [:])
        #expect(try await store.namespaceExists(ns("sales")))
        #expect(try await store.namespaceProperties(ns("sales")) == [:])

        await expectIcebergError(.notFound, "namespace 'nope' does not exist in catalog 'lagoa'") {
            () throws(IcebergError) in _ = try await store.namespaceProperties(ns("nope"))
        }
        await expectIcebergError(.notFound, "namespace 'nope' does not exist in catalog 'lagoa'") {
            () throws(IcebergError) in try await store.updateNamespaceProperties(ns("nope"), removals: [], updates: ["a": "b"])
        }
        await expectIcebergError(
            .invalidArgument,
            "property 'a' of namespace 'sales' is both removed and set; do one or the other"
        ) { () throws(IcebergError) in
            try await store.updateNamespaceProperties(ns("sales"), removals: ["a"], updates: ["a": "b"])
        }
    }

    static func dropNamespace(_ store: any CatalogStore) async throws {
        try await store.createNamespace(ns("sales"), properties: [:])
        try await store.createNamespace(ns("sales.eu"), properties: [:])
        try await store.createNamespace(ns("hr"), properties: [:])
        try await store.createTable(table("hr.people"), metadataLocation: "m0")

        await expectIcebergError(
            .namespaceNotEmpty,
            "namespace 'sales' is not empty: it holds namespace 'sales.eu'; drop them first"
        ) { () throws(IcebergError) in try await store.dropNamespace(ns("sales")) }
        await expectIcebergError(
            .namespaceNotEmpty,
            "namespace 'hr' is not empty: it holds table 'hr.people'; drop them first"
        ) { () throws(IcebergError) in try await store.dropNamespace(ns("hr")) }
        await expectIcebergError(.notFound, "namespace 'nope' does not exist in catalog 'lagoa'") {
            () throws(IcebergError) in try await store.dropNamespace(ns("nope"))
        }

        try await store.dropNamespace(ns("sales.eu"))
        try await store.dropNamespace(ns("sales"))
        #expect(try await !store.namespaceExists(ns("sales")))
        _ = try await store.dropTable(table("hr.people"))
        try await store.dropNamespace(ns("hr"))
        #expect(try await store.listNamespaces(under: nil) == [])
    }

    static func tables(_ store: any CatalogStore) async throws {
        await expectIcebergError(.notFound, "namespace 'sales' does not exist in catalog 'lagoa'") {
            () throws(IcebergError) in try await store.createTable(table("sales.orders"), metadataLocation: "m0")
        }
        try await store.createNamespace(ns("sales"), properties: [:])
        try await store.createNamespace(ns("archive"), properties: [:])
        try await store.createNamespace(ns("sales.eu"), properties: [:])
        try await store.createTable(table("sales.orders"), metadataLocation: "s3://lake/orders/v1.json")
        try await store.createTable(table("sales.customers"), metadataLocation: "s3://lake/customers/v1.json")
        try await store.createTable(table("sales.eu.orders"), metadataLocation: "s3://lake/eu/v1.json")
        await expectIcebergError(.alreadyExists, "table 'sales.orders' already exists in catalog 'lagoa'") {
            () throws(IcebergError) in try await store.createTable(table("sales.orders"), metadataLocation: "other")
        }

        #expect(try await store.listTables(in: ns("sales")) == [table("sales.customers"), table("sales.orders")])
        #expect(try await store.listTables(in: ns("sales.eu")) == [table("sales.eu.orders")])
        #expect(try await store.listTables(in: ns("archive")) == [])
        await expectIcebergError(.notFound, "namespace 'nope' does not exist in catalog 'lagoa'") {
            () throws(IcebergError) in _ = try await store.listTables(in: ns("nope"))
        }
        #expect(try await store.metadataLocation(of: table("sales.orders")) == "s3://lake/orders/v1.json")
        await expectIcebergError(.notFound, "table 'sales.nope' does not exist in catalog 'lagoa'") {
            () throws(IcebergError) in _ = try await store.metadataLocation(of: table("sales.nope"))
        }

        // Rename across namespaces.
        try await store.renameTable(from: table("sales.orders"), to: table("archive.orders_2024"))
        #expect(try await store.listTables(in: ns("sales")) == [table("sales.customers")])
        #expect(try await store.metadataLocation(of: table("archive.orders_2024")) == "s3://lake/orders/v1.json")
        await expectIcebergError(
            .notFound,
            "cannot rename table 'sales.orders' to 'sales.x': it does not exist in catalog 'lagoa'"
        ) { () throws(IcebergError) in try await store.renameTable(from: table("sales.orders"), to: table("sales.x")) }
        await expectIcebergError(
            .notFound,
            "cannot rename table 'sales.customers' to 'nope.c': namespace 'nope' does not exist; create it first"
        ) { () throws(IcebergError) in try await store.renameTable(from: table("sales.customers"), to: table("nope.c")) }
        await expectIcebergError(
            .alreadyExists,
            "cannot rename table 'sales.customers' to 'sales.eu.orders': a table or view with that name already exists"
        ) { () throws(IcebergError) in
            try await store.renameTable(from: table("sales.customers"), to: table("sales.eu.orders"))
        }

        // Drop returns the last location.
        #expect(try await store.dropTable(table("archive.orders_2024")) == "s3://lake/orders/v1.json")
        #expect(try await store.listTables(in: ns("archive")) == [])
        await expectIcebergError(.notFound, "table 'archive.orders_2024' does not exist in catalog 'lagoa'") {
            () throws(IcebergError) in _ = try await store.dropTable(table("archive.orders_2024"))
        }
    }

    static func commitCompareAndSwap(_ store: any CatalogStore) async throws {
        try await store.createNamespace(ns("sales"), properties: [:])
        let orders = try table("sales.orders")
        let customers = try table("sales.customers")
        try await store.createTable(orders, metadataLocation: "o1")
        try await store.createTable(customers, metadataLocation: "c1")

        try await store.commit([MetadataSwap(table: orders, expected: "o1", new: "o2")])
        #expect(try await store.metadataLocation(of: orders) == "o2")

        await expectIcebergError(
            .commitConflict,
            "table 'sales.orders' was changed by another writer: expected metadata o1, found o2; retry on the new metadata"
        ) { () throws(IcebergError) in try await store.commit([MetadataSwap(table: orders, expected: "o1", new: "o3")]) }
        #expect(try await store.metadataLocation(of: orders) == "o2")

        // One stale swap: nothing applied, the conflict names the stale table.
        await expectIcebergError(
            .commitConflict,
            "table 'sales.orders' was changed by another writer: expected metadata o1, found o2; retry on the new metadata"
        ) { () throws(IcebergError) in
            try await store.commit([
                MetadataSwap(table: customers, expected: "c1", new: "c2"),
                MetadataSwap(table: orders, expected: "o1", new: "o3"),
            ])
        }
        #expect(try await store.metadataLocation(of: customers) == "c1")
        #expect(try await store.metadataLocation(of: orders) == "o2")

        try await store.commit([
            MetadataSwap(table: customers, expected: "c1", new: "c2"),
            MetadataSwap(table: orders, expected: "o2", new: "o3"),
        ])
        #expect(try await store.metadataLocation(of: customers) == "c2")
        #expect(try await store.metadataLocation(of: orders) == "o3")

        _ = try await store.dropTable(customers)
        await expectIcebergError(
            .commitConflict,
            "table 'sales.customers' was changed by another writer: expected metadata c2, found the table was dropped; "
                + "retry on the new metadata"
        ) { () throws(IcebergError) in try await store.commit([MetadataSwap(table: customers, expected: "c2", new: "c3")]) }
    }
}
