import ArgumentParser
import LagoaColumnar
import LagoaIceberg

/// Text shown by the table commands.
enum TableDescription {
    static func schema(_ schema: IcebergSchema) -> String {
        var out = ""
        func line(_ field: NestedField, _ indent: String) {
            out += "\(indent)\(field.id): \(field.name) \(field.type)\(field.required ? " required" : "")\n"
            for child in field.type.children { line(child, indent + "  ") }
        }
        for field in schema.fields { line(field, "  ") }
        return out
    }

    static func describe(_ table: Table) -> String {
        let m = table.metadata
        var out = "table \(table.identifier)\n"
        out += "location: \(m.location)\n"
        out += "format-version: \(m.formatVersion)  uuid: \(m.tableUUID)\n"
        out += "schema (id \(m.currentSchemaID)):\n" + schema(m.schema)
        let spec = m.defaultSpec
        out += "partitioned by: " + (spec.fields.isEmpty ? "nothing" : spec.fields.map { "\($0.name)=\($0.transform)(\(m.schema.columnName(id: $0.sourceID) ?? "#\($0.sourceID)"))" }.joined(separator: ", ")) + " (spec \(spec.specID))\n"
        if let s = m.currentSnapshot {
            out += "current snapshot: \(s.snapshotID) (\(s.operation), \(s.summary["total-records"] ?? "?") rows, \(s.summary["total-data-files"] ?? "?") files)\n"
        } else {
            out += "current snapshot: none (empty table)\n"
        }
        for name in m.refs.keys.sorted() where name != TableMetadata.mainBranch {
            let ref = m.refs[name]!
            out += "\(ref.kind.rawValue) \(name): \(ref.snapshotID)\n"
        }
        if !m.properties.isEmpty {
            out += "properties: " + m.properties.keys.sorted().map { "\($0)=\(m.properties[$0]!)" }.joined(separator: ", ") + "\n"
        }
        out += "metadata: \(table.metadataLocation)\n"
        return out
    }

    static func history(_ table: Table) -> String {
        let m = table.metadata
        var out = ""
        let current = m.currentSnapshotID
        for s in m.snapshots.sorted(by: { $0.timestampMillis < $1.timestampMillis }) {
            let time = IcebergValue.timestamptz(s.timestampMillis * 1000).humanString
            let marker = s.snapshotID == current ? "*" : " "
            let added = s.summary["added-records"].map { " +\($0)" } ?? ""
            let removed = s.summary["deleted-records"].map { " -\($0)" } ?? ""
            out += "\(marker) \(s.snapshotID)  \(time)  \(s.operation)\(added)\(removed)  total \(s.summary["total-records"] ?? "?")\n"
        }
        if out.isEmpty { out = "no snapshots\n" }
        return out
    }

    static func printCommit(_ after: Table, before: Table) {
        guard let s = after.metadata.snapshots.last, after.metadata.snapshots.count > before.metadata.snapshots.count else {
            print("\(after.identifier): nothing to commit")
            return
        }
        let added = s.summary["added-records"] ?? "0"
        let removed = s.summary["deleted-records"] ?? "0"
        print("\(after.identifier): snapshot \(s.snapshotID) (\(s.operation)): +\(added) -\(removed) rows, \(s.summary["total-records"] ?? "?") in total")
    }
}

/// `--type name=type` options.
enum TypeOverrides {
    static func parse(_ entries: [String]) throws -> [String: DataType] {
        var out: [String: DataType] = [:]
        for (name, text) in try KeyValues.parse(entries, option: "--type") {
            guard let type = DataType(parsing: text) else { throw ValidationError("unknown type '\(text)' in --type \(name)=\(text)") }
            out[name] = type
        }
        return out
    }
}
