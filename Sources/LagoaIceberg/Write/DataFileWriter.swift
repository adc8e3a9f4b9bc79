import LagoaColumnar
import LagoaCompression
import LagoaCore
import LagoaObjectStore
import LagoaParquet

/// Writes rows into a table's data files: Parquet with Iceberg field ids, one file (or more, rolling
/// at the target size) per partition, with the statistics manifests need.
///
/// Files are written under `<table>/data/<partition path>/` with unique names; nothing is visible to
/// readers until a snapshot that lists them is committed, and ``abort()`` deletes what was written.
final class DataFileWriter {
    private struct OpenFile {
        var location: String
        var sink: any ObjectWriter
        var writer: ParquetFileWriter
        var metrics: MetricsCollector
        var rows: Int64 = 0
    }

    private let io: FileIO
    private let tableLocation: String
    private let schema: IcebergSchema
    private let spec: PartitionSpec
    private let partitioner: Partitioner
    private let arrowSchema: Schema
    private let options: ParquetWriteOptions
    private let targetFileBytes: Int64
    private let namePrefix: String
    private var open: [PartitionTuple: OpenFile] = [:]
    private var fileCounter = 0
    private(set) var written: [DataFile] = []
    private var createdLocations: [String] = []

    init(io: FileIO, metadata: TableMetadata, operationID: String) throws(IcebergError) {
        self.io = io
        self.tableLocation = metadata.location
        self.schema = metadata.schema
        self.spec = metadata.defaultSpec
        self.partitioner = try Partitioner(spec: metadata.defaultSpec, schema: metadata.schema)
        self.arrowSchema = metadata.schema.arrowSchema
        var options = ParquetWriteOptions()
        let codec = metadata.properties["write.parquet.compression-codec"] ?? "zstd"
        if let compression = LagoaCompression.CompressionCodec(name: codec) {
            options.compression = compression
        }
        if let bytes = metadata.properties["write.parquet.row-group-size-bytes"].flatMap(Int.init), bytes > 0 {
            options.maxRowGroupBytes = bytes
        }
        options.createdBy = "lagoa (Apache Iceberg writer)"
        self.options = options
        self.targetFileBytes = Int64(metadata.properties["write.target-file-size-bytes"] ?? "") ?? 512 * 1024 * 1024
        self.namePrefix = operationID
    }

    /// Converts `batch` to the table schema and writes its rows.
    func write(_ batch: RecordBatch) async throws(IcebergError) {
        let conformed = try BatchConformer.conform(batch, to: schema)
        for (tuple, rows) in try partitioner.split(conformed) where rows.rowCount > 0 {
            var file = try await openFile(tuple)
            do {
                try await file.writer.write(rows)
            } catch {
                throw IcebergError.wrap(error, "writing \(file.location)")
            }
            file.metrics.add(rows)
            file.rows += Int64(rows.rowCount)
            open[tuple] = file
            if file.sink.position >= targetFileBytes {
                try await close(tuple)
            }
        }
    }

    /// Closes every open file and returns all files written.
    func finish() async throws(IcebergError) -> [DataFile] {
        for tuple in Array(open.keys) { try await close(tuple) }
        return written
    }

    /// Deletes every file this writer created (after a failed or conflicting commit).
    func abort() async {
        for (_, file) in open { await file.sink.abort() }
        open = [:]
        for location in createdLocations { try? await io.delete(location) }
    }

    private func openFile(_ tuple: PartitionTuple) async throws(IcebergError) -> OpenFile {
        if let file = open[tuple] { return file }
        let folder = spec.fields.isEmpty ? "data" : "data/" + spec.partitionPath(tuple)
        let name = String(format5(fileCounter)) + "-" + namePrefix + ".parquet"
        fileCounter += 1
        let location = tableLocation + "/" + folder + "/" + name
        let sink = try await io.writer(location)
        do {
            let writer = try ParquetFileWriter(sink: sink, schema: arrowSchema, options: options)
            createdLocations.append(location)
            return OpenFile(location: location, sink: sink, writer: writer, metrics: MetricsCollector(schema: schema))
        } catch {
            await sink.abort()
            throw IcebergError.wrap(error, "opening \(location)")
        }
    }

    private func close(_ tuple: PartitionTuple) async throws(IcebergError) {
        guard let file = open.removeValue(forKey: tuple) else { return }
        let metadata: FileMetaData
        do {
            metadata = try await file.writer.close()
        } catch {
            await file.sink.abort()
            throw IcebergError.wrap(error, "writing \(file.location)")
        }
        var dataFile = DataFile(
            filePath: file.location,
            specID: spec.specID,
            partition: tuple,
            recordCount: file.rows,
            fileSizeInBytes: file.sink.position
        )
        file.metrics.fill(&dataFile)
        let leafIDs = Self.leafFieldIDs(schema)
        var offsets: [Int64] = []
        for group in metadata.rowGroups {
            for (k, chunk) in group.columns.enumerated() where k < leafIDs.count {
                dataFile.columnSizes[leafIDs[k], default: 0] += chunk.metaData?.totalCompressedSize ?? 0
            }
            if let first = group.columns.first?.metaData {
                offsets.append(group.fileOffset ?? first.dictionaryPageOffset ?? first.dataPageOffset)
            }
        }
        dataFile.splitOffsets = offsets.isEmpty ? nil : offsets
        written.append(dataFile)
    }

    /// Field ids of the Parquet leaf columns, in file order (depth first).
    static func leafFieldIDs(_ schema: IcebergSchema) -> [Int32] {
        var out: [Int32] = []
        func visit(_ field: NestedField) {
            if field.type.isPrimitive {
                out.append(field.id)
            } else {
                for child in field.type.children { visit(child) }
            }
        }
        for field in schema.fields { visit(field) }
        return out
    }
}

private func format5(_ n: Int) -> String {
    let s = String(n)
    return s.count >= 5 ? s : String(repeating: "0", count: 5 - s.count) + s
}
