import ArgumentParser

/// `lagoa table …`: Iceberg tables in the warehouse.
struct TableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Create, write, read and maintain Apache Iceberg tables.",
        discussion: "Tables are named namespace.table (sales.sor.orders); see 'lagoa namespace'.",
        subcommands: [
            TableCreateCommand.self, TableAppendCommand.self, TableOverwriteCommand.self, TableDeleteCommand.self,
            TableScanCommand.self, TableListCommand.self, TableDescribeCommand.self, TableHistoryCommand.self,
            TableAlterCommand.self, TableRollbackCommand.self, TableBranchCommand.self, TableTagCommand.self,
            TablePublishCommand.self, TableExpireCommand.self, TableRemoveOrphansCommand.self, TableDropCommand.self,
        ]
    )
}
