import ArgumentParser
import LagoaIceberg

/// `lagoa table alter NAME --add-column c:type --rename-column a=b --drop-column c --widen c:long
/// --add-partition "day(ts)" --drop-partition ts_day`.
struct TableAlterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alter",
        abstract: "Evolve a table's schema and partitioning (old data stays readable).",
        discussion: "Types: boolean, int, long, float, double, decimal(P, S), date, time, timestamp, timestamptz, string, uuid, binary, fixed[N]."
    )
    @OptionGroup var lake: LakeOptions
    @Argument(help: "The table.") var name: String
    @Option(help: "Add an optional column, name:type (parent.name:type inside a struct). Repeatable.") var addColumn: [String] = []
    @Option(help: "Rename a column, old=new. Repeatable.") var renameColumn: [String] = []
    @Option(help: "Drop a column. Repeatable.") var dropColumn: [String] = []
    @Option(help: "Widen a column's type, name:type (int→long, float→double, wider decimal). Repeatable.") var widen: [String] = []
    @Option(help: "Partition new data by this clause too, e.g. \"day(ts)\".") var addPartition: String?
    @Option(help: "Stop partitioning new data by this partition field (e.g. ts_day). Repeatable.") var dropPartition: [String] = []

    func run() async throws {
        try await CLIErrors.reporting {
            var table = try await lake.open().loadTable(try TableIdentifier(parsing: name))
            let adds = try addColumn.map { try Self.split($0, ":", "--add-column") }
            let widens = try widen.map { try Self.split($0, ":", "--widen") }
            let renames = try renameColumn.map { try Self.split($0, "=", "--rename-column") }
            var parsedAdds: [(String, String?, IcebergType)] = []
            for (path, typeText) in adds + widens {
                guard let type = IcebergType(primitiveName: typeText) else {
                    throw ValidationError("unknown type '\(typeText)'")
                }
                let parts = path.split(separator: ".").map(String.init)
                parsedAdds.append((parts.last!, parts.count > 1 ? parts.dropLast().joined(separator: ".") : nil, type))
            }
            if !adds.isEmpty || !widens.isEmpty || !renames.isEmpty || !dropColumn.isEmpty {
                let addCount = adds.count
                let dropped = dropColumn
                table = try await table.updateSchema { u in
                    for (k, (column, parent, type)) in parsedAdds.enumerated() {
                        if k < addCount {
                            u.addColumn(column, type, parent: parent)
                        } else {
                            u.updateColumnType(parent.map { $0 + "." + column } ?? column, to: type)
                        }
                    }
                    for (old, new) in renames { u.renameColumn(old, to: new) }
                    for column in dropped { u.dropColumn(column) }
                }
            }
            if addPartition != nil || !dropPartition.isEmpty {
                let fields = try addPartition.map { try Transform.parseClause($0) } ?? []
                let removals = dropPartition
                table = try await table.updateSpec { u in
                    for name in removals { u.removeField(name) }
                    for (column, transform) in fields { u.addField(column, transform) }
                }
            }
            print(TableDescription.describe(table), terminator: "")
        }
    }

    static func split(_ text: String, _ separator: Character, _ option: String) throws -> (String, String) {
        guard let index = text.firstIndex(of: separator), index != text.startIndex else {
            throw ValidationError("\(option) expects a\(separator)b, got '\(text)'")
        }
        return (String(text[..<index]), String(text[text.index(after: index)...]))
    }
}
