import LagoaColumnar
import LagoaCore
import LagoaIceberg
import LagoaObjectStore
import LagoaParquet
import LagoaTesting
import Testing

@Suite struct DeletesAndFaultsTests {
    /// Writes a Parquet delete file into the table's folder and returns its size.
    static func writeDeleteFile(_ table: Table, name: String, schema: Schema, batch: RecordBatch) async throws -> (String, Int64) {
        let location = table.location + "/data/" + name
        let sink = try await table.io.writer(location)
        let writer = try ParquetFileWriter(sink: sink, schema: schema)
        try await writer.write(batch)
        _ = try await writer.close()
        return (location, sink.position)
    }

    @Test func equalityDeletesFromAnotherEngineApplyToOlderFilesOnly() async throws {
        let (catalog, _) = TableLifecycleTests.catalog()
        var table = try await TableLifecycleTests.makeTable(catalog, partitioned: false)
        table = try await table.append(BatchList([TableLifecycleTests.batch([(1, 1, "a", 1), (2, 1, "b", 2), (3, 1, "c", 3)])]))
        // An equality delete on `name` (field id 3), as Flink or Spark write for upserts.
        let schema = Schema([Field("name", .string, id: 3)])
        let (location, size) = try await Self.writeDeleteFile(table, name: "eq-1.parquet", schema: schema,
            batch: TestBatches.make(schema.fields, [[.string("b"), .string("zzz")]]))
        table = try await table.append(files: [DataFile(
            content: .equalityDeletes, filePath: location, specID: 0, partition: [],
            recordCount: 2, fileSizeInBytes: size, equalityIDs: [3]
        )])
        #expect(try await TableLifecycleTests.ids(table) == [1, 3])
        // Rows added after the delete (a higher sequence number) are not affected by it.
        table = try await table.append(BatchList([TableLifecycleTests.batch([(4, 1, "b", 4)])]))
        #expect(try await TableLifecycleTests.ids(table) == [1, 3, 4])
        #expect(table.metadata.currentSnapshot?.summary["total-delete-files"] == "1")
        // A copy-on-write delete that rewrites the first file must not bring row 2 back.
        table = try await table.delete(filter: .compare("id", .equal, .integer(3)))
        #expect(try await TableLifecycleTests.ids(table) == [1, 4])
    }

    @Test func multiTableCommitIsAtomic() async throws {
        let (catalog, _) = TableLifecycleTests.catalog()
        let a = try await TableLifecycleTests.makeTable(catalog)
        let schema = try IcebergSchema(fresh: Schema(TableLifecycleTests.fields))
        let b = try await catalog.createTable(TableIdentifier(parsing: "sales.sor.returns"), schema: schema)
        var aNext = a.metadata
        aNext.properties["owner"] = "finance"
        var bNext = b.metadata
        bNext.properties["owner"] = "finance"
        _ = try await catalog.commit([(a, aNext), (b, bNext)])
        #expect(try await catalog.loadTable(a.identifier).metadata.properties["owner"] == "finance")
        #expect(try await catalog.loadTable(b.identifier).metadata.properties["owner"] == "finance")
        // A stale table in the set: nothing is applied.
        var again = a.metadata
        again.properties["owner"] = "stale"
        let fresh = try await catalog.loadTable(b.identifier)
        var bAgain = fresh.metadata
        bAgain.properties["owner"] = "sales"
        await #expect(throws: IcebergError.self) { _ = try await catalog.commit([(a, again), (fresh, bAgain)]) }
        #expect(try await catalog.loadTable(b.identifier).metadata.properties["owner"] == "finance")
    }

    @Test func corruptManifestListNamesTheFile() async throws {
        let (catalog, store) = TableLifecycleTests.catalog()
        var table = try await TableLifecycleTests.makeTable(catalog)
        table = try await table.append(BatchList([TableLifecycleTests.batch([(1, 1, "a", 1)])]))
        let list = table.metadata.currentSnapshot!.manifestList!
        let key = try ObjectPath(String(list.dropFirst(store.url.count + 1)))
        try await store.put(key, Array("PAR1 not avro".utf8))
        await #expect {
            _ = try await TableScan(table: table).readAll()
        } throws: { error in
            let message = (error as? IcebergError)?.message ?? ""
            return (error as? IcebergError)?.code == .invalidMetadata && message.contains(list) && message.contains("not an Avro object container file")
        }
        try await store.delete(key)
        await #expect {
            _ = try await TableScan(table: table).readAll()
        } throws: { error in
            (error as? IcebergError)?.code == .notFound && ((error as? IcebergError)?.message.contains(key.string) ?? false)
        }
    }

    @Test func missingMetadataFileIsReportedAsCorruptTable() async throws {
        let (catalog, store) = TableLifecycleTests.catalog()
        let table = try await TableLifecycleTests.makeTable(catalog)
        try await store.delete(ObjectPath(String(table.metadataLocation.dropFirst(store.url.count + 1))))
        await #expect {
            _ = try await catalog.loadTable(table.identifier)
        } throws: { error in
            (error as? IcebergError)?.message == "metadata file \(table.metadataLocation) is missing; the table's storage was changed outside the catalog"
        }
    }
}
