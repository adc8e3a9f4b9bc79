import ArgumentParser
import LagoaIceberg

/// `lagoa table list [NAMESPACE]`.
struct TableListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tables of a namespace (of every namespace when none is given).")
    @OptionGroup var lake: LakeOptions
    @Argument(help: "The namespace.") var namespace: String?

    func run() async throws {
        try await CLIErrors.reporting {
            let catalog = try lake.open()
            var namespaces: [Namespace] = []
            if let namespace {
                namespaces = [try Namespace(parsing: namespace)]
            } else {
                var queue = try await catalog.listNamespaces()
                while let next = queue.first {
                    queue.removeFirst()
                    namespaces.append(next)
                    queue.append(contentsOf: try await catalog.listNamespaces(under: next))
                }
            }
            for ns in namespaces {
                for table in try await catalog.listTables(in: ns) { print(table.description) }
            }
        }
    }
}

/// `lagoa table describe NAME`.
struct TableDescribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "describe", abstract: "Show a table's schema, partitioning, refs and current snapshot.")
    @OptionGroup var lake: LakeOptions
    @Argument(help: "The table.") var name: String

    func run() async throws {
        try await CLIErrors.reporting {
            let table = try await lake.open().loadTable(try TableIdentifier(parsing: name))
            print(TableDescription.describe(table), terminator: "")
        }
    }
}

/// `lagoa table history NAME`.
struct TableHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "List a table's snapshots, oldest first (* marks the current one).")
    @OptionGroup var lake: LakeOptions
    @Argument(help: "The table.") var name: String

    func run() async throws {
        try await CLIErrors.reporting {
            let table = try await lake.open().loadTable(try TableIdentifier(parsing: name))
            print(TableDescription.history(table), terminator: "")
        }
    }
}
