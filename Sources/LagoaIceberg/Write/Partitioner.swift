import LagoaColumnar

/// Splits a batch into the rows of each partition of a spec.
struct Partitioner {
    let spec: PartitionSpec
    let schema: IcebergSchema
    /// Per partition field: the top-level column index of its source, and the source type.
    private let sources: [(column: Int, type: IcebergType)]

    init(spec: PartitionSpec, schema: IcebergSchema) throws(IcebergError) {
        self.spec = spec
        self.schema = schema
        var sources: [(Int, IcebergType)] = []
        for field in spec.fields {
            guard let index = schema.fields.firstIndex(where: { $0.id == field.sourceID }) else {
                throw IcebergError(
                    .unsupported,
                    "partition field '\(field.name)' uses column id \(field.sourceID), which is not a top-level column; Lagoa partitions by top-level columns only"
                )
            }
            sources.append((index, schema.fields[index].type))
        }
        self.sources = sources
    }

    /// The partition tuple of row `i`.
    func tuple(_ batch: RecordBatch, _ i: Int) throws(IcebergError) -> PartitionTuple {
        var out: PartitionTuple = []
        out.reserveCapacity(sources.count)
        for (field, source) in zip(spec.fields, sources) {
            out.append(try field.transform.apply(IcebergValue.from(batch.columns[source.column], i, source.type)))
        }
        return out
    }

    /// Whether every identity-partitioned source column holds one value on all rows (an ingestion
    /// date, a reloaded day): checked on the raw values, without a tuple per row.
    private func isConstant(_ batch: RecordBatch) -> Bool {
        func same<T: Equatable & BitwiseCopyable>(_ column: Column, _: T.Type) -> Bool {
            let values = column.values(as: T.self)
            let first = values[0]
            var equal = true
            for i in 1..<column.count { equal = equal && values[i] == first }
            return equal
        }
        for (field, source) in zip(spec.fields, sources) {
            guard field.transform == .identity else { return false }
            let column = batch.columns[source.column]
            guard column.nullCount == 0 else { return false }
            let constant: Bool
            switch column.type.fixedWidth {
            case 4: constant = same(column, UInt32.self)
            case 8: constant = same(column, UInt64.self)
            case 2: constant = same(column, UInt16.self)
            case 1 where column.type != .boolean: constant = same(column, UInt8.self)
            default: return false
            }
            guard constant else { return false }
        }
        return true
    }

    /// The batch's rows grouped by partition, in order of first appearance; a batch that lies in one
    /// partition is returned whole, without copying.
    func split(_ batch: RecordBatch) throws(IcebergError) -> [(PartitionTuple, RecordBatch)] {
        if spec.fields.isEmpty || batch.rowCount == 0 { return [([], batch)] }
        if isConstant(batch) { return [(try tuple(batch, 0), batch)] }
        var order: [PartitionTuple] = []
        var rows: [PartitionTuple: [Int]] = [:]
        var previous: PartitionTuple?
        var previousRows: [Int] = []
        for i in 0..<batch.rowCount {
            let t = try tuple(batch, i)
            if t == previous {
                previousRows.append(i)
                continue
            }
            if let previous { rows[previous, default: []].append(contentsOf: previousRows) }
            if rows[t] == nil { order.append(t); rows[t] = [] }
            previous = t
            previousRows = [i]
        }
        if let previous { rows[previous, default: []].append(contentsOf: previousRows) }
        if order.count == 1 { return [(order[0], batch)] }
        return order.map { ($0, batch.take(rows[$0]!)) }
    }
}
