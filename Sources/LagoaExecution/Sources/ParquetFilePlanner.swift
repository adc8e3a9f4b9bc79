import LagoaColumnar
import LagoaCSV
import LagoaJSON
import LagoaObjectStore
import LagoaParquet
import LagoaPlanner

/// Plans the partitions of a Parquet ``FileTableSource``: opens each footer, drops row groups whose
/// statistics rule out the filter, and splits files into runs of row groups when there are fewer
/// files than target partitions.
struct ParquetFilePlanner {
    let store: any ObjectStore
    let files: [ObjectMeta]
    let target: Schema
    let filter: ParquetFilter?
    let targetPartitions: Int
    let limit: Int?

    func plan() async throws -> ScanPlan {
        var partitions: [any ScanPartition] = []
        var totalGroups = 0
        var keptGroups = 0
        var keptFiles = 0
        var rowsPlanned = 0
        let perFile = max(1, (targetPartitions + files.count - 1) / files.count)
        for file in files {
            let reader = try await FileReading.openParquet(file, in: store)
            let fileColumns = Set(reader.schema.arrowSchema.fields.map(\.name))
            var options = ParquetReadOptions(columns: target.fields.map(\.name).filter { fileColumns.contains($0) })
            // Only filter on columns the file has (the reader refuses unknown names).
            options.filter = filter?.mappingColumns { fileColumns.contains($0) ? $0 : nil }
            let groupCount = reader.metadata.rowGroups.count
            totalGroups += groupCount
            let groups = try reader.selectedRowGroups(options)
            keptGroups += groups.count
            guard !groups.isEmpty else { continue }
            keptFiles += 1
            let chunks = min(perFile, groups.count)
            for c in 0..<chunks {
                let run = Array(groups[(c * groups.count / chunks)..<((c + 1) * groups.count / chunks)])
                var partOptions = options
                partOptions.rowGroups = run
                partOptions.parallelism = 1
                partitions.append(ParquetFilePartition(reader: reader, options: partOptions, target: target, name: "\(store.url)/\(file.path)"))
            }
            if let limit, filter == nil {
                rowsPlanned += reader.rowCount
                if rowsPlanned >= limit { break }
            }
        }
        let summary = "files \(keptFiles) of \(files.count), row groups \(keptGroups) of \(totalGroups)"
        return ScanPlan(partitions: partitions, pruningSummary: summary)
    }
}

/// A run of row groups of one Parquet file.
struct ParquetFilePartition: ScanPartition {
    let reader: ParquetFileReader
    let options: ParquetReadOptions
    let target: Schema
    let name: String

    func read(_ body: (RecordBatch) async throws -> Void) async throws {
        var iterator = reader.batches(options).makeAsyncIterator()
        while true {
            let next: RecordBatch?
            do {
                next = try await iterator.next()
            } catch {
                throw ExecutionError(.io, "cannot read \(name) as Parquet: \(error)", cause: error)
            }
            guard let batch = next else { return }
            try await body(try FileReading.conform(batch, to: target, file: name))
        }
    }
}

/// One CSV or JSON file.
struct TextFilePartition: ScanPartition {
    let store: any ObjectStore
    let file: ObjectMeta
    let format: FileFormat
    let tableSchema: Schema
    let columns: [Int]

    func read(_ body: (RecordBatch) async throws -> Void) async throws {
        let name = "\(store.url)/\(file.path)"
        let target = Schema(columns.map { tableSchema.fields[$0] })
        switch format {
        case .csv(var options):
            options.schema = tableSchema
            var reader = try await FileReading.openCSV(file, in: store, options: options)
            while let batch = try await Self.wrap(name, "CSV", { () async throws(CSVError) in try await reader.next() }) {
                try await body(try FileReading.conform(batch, to: target, file: name))
            }
        case .json:
            var reader = try await FileReading.openJSON(file, in: store, options: JSONReadOptions(schema: tableSchema))
            while let batch = try await Self.wrap(name, "JSON", { () async throws(JSONError) in try await reader.next() }) {
                try await body(try FileReading.conform(batch, to: target, file: name))
            }
        case .parquet:
            preconditionFailure("Parquet files are read by ParquetFilePartition")
        }
    }

    private static func wrap<E: Error>(_ name: String, _ format: String, _ next: () async throws(E) -> RecordBatch?) async throws -> RecordBatch? {
        do {
            return try await next()
        } catch {
            throw ExecutionError(.invalidData, "cannot read \(name) as \(format): \(error)", cause: error)
        }
    }
}
