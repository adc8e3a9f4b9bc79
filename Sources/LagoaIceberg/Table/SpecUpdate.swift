/// Changes to the partition spec new data is written with (old files keep their spec).
public struct SpecUpdate: Sendable {
    var adds: [(column: String, transform: Transform)] = []
    var removals: [String] = []

    public init() {}

    public mutating func addField(_ column: String, _ transform: Transform) {
        adds.append((column, transform))
    }

    /// Removes the partition field named `name` (`ts_day`).
    public mutating func removeField(_ name: String) {
        removals.append(name)
    }
}

extension Table {
    /// Changes the partition spec for new data, in one commit.
    public func updateSpec(_ build: (inout SpecUpdate) -> Void) async throws(IcebergError) -> Table {
        var update = SpecUpdate()
        build(&update)
        return try await catalog.commit(identifier) { base throws(IcebergError) in
            let m = base.metadata
            var fields = m.defaultSpec.fields
            for name in update.removals {
                guard fields.contains(where: { $0.name == name }) else {
                    throw IcebergError(.notFound, "table '\(identifier)' has no partition field '\(name)'")
                }
                fields.removeAll { $0.name == name }
            }
            var lastID = m.lastPartitionID
            for (column, transform) in update.adds {
                guard let source = m.schema.field(path: column) else {
                    throw IcebergError(.invalidArgument, "cannot partition by unknown column '\(column)'")
                }
                _ = try transform.resultType(source.type)
                guard !fields.contains(where: { $0.sourceID == source.id && $0.transform == transform }) else {
                    throw IcebergError(.alreadyExists, "table '\(identifier)' is already partitioned by \(transform)(\(column))")
                }
                // Reuse the field id of an earlier spec's identical field, as Java does.
                let earlier = m.partitionSpecs.flatMap(\.fields).first { $0.sourceID == source.id && $0.transform == transform }
                let id: Int32
                if let earlier { id = earlier.fieldID } else { lastID += 1; id = lastID }
                fields.append(.init(sourceID: source.id, fieldID: id, name: earlier?.name ?? transform.defaultFieldName(column: column), transform: transform))
            }
            var next = m
            next.lastPartitionID = max(lastID, m.lastPartitionID)
            if let same = m.partitionSpecs.first(where: { $0.fields == fields }) {
                next.defaultSpecID = same.specID
            } else {
                let id = (m.partitionSpecs.map(\.specID).max() ?? -1) + 1
                next.partitionSpecs.append(PartitionSpec(specID: id, fields: fields))
                next.defaultSpecID = id
            }
            return next
        }
    }
}
