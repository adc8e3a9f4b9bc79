import ArgumentParser
import LagoaIceberg

/// `lagoa table create NAME --schema-from FILE [--partition-by …]`.
struct TableCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create an empty table with the columns of a file.")
    @OptionGroup var lake: LakeOptions
    @Argument(help: "The table, e.g. sales.sor.orders.") var name: String
    @Option(help: "A .parquet, .csv or .jsonl file whose columns the table takes.") var schemaFrom: String
    @Option(help: "Partition clause, e.g. \"day(ts), bucket(16, id)\".") var partitionBy: String?
    @Option(help: "Sort clause, e.g. \"id, ts desc\".") var sortBy: String?
    @Option(name: .customLong("property"), help: "A table property key=value. Repeatable.") var properties: [String] = []
    @Option(name: .customLong("type"), help: "Column type override for CSV/JSON inference, name=type. Repeatable.") var types: [String] = []

    func run() async throws {
        try await CLIErrors.reporting {
            let catalog = try lake.open()
            let overrides = try TypeOverrides.parse(types)
            let schema = try IcebergSchema(fresh: try await InputFiles([schemaFrom], typeOverrides: overrides).firstSchema())
            var sort: [(column: String, direction: SortOrder.Direction)] = []
            for part in (sortBy ?? "").split(separator: ",") {
                let words = part.split(separator: " ").map(String.init)
                guard let column = words.first else { continue }
                sort.append((column, words.count > 1 && words[1].lowercased() == "desc" ? .descending : .ascending))
            }
            let table = try await catalog.createTable(
                try TableIdentifier(parsing: name),
                schema: schema,
                partitionBy: try partitionBy.map { try Transform.parseClause($0) } ?? [],
                sortBy: sort,
                properties: try KeyValues.parse(properties, option: "--property")
            )
            print("created table \(name) at \(table.location)")
            print(TableDescription.schema(table.schema), terminator: "")
        }
    }
}
