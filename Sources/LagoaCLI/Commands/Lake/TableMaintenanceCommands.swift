import ArgumentParser
import LagoaCore
import LagoaIceberg

/// `lagoa table expire NAME [--older-than TS] [--retain-last N]`.
struct TableExpireCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "expire", abstract: "Remove old snapshots and the files only they referenced.")
    @OptionGroup var lake: LakeOptions
    @Argument(help: "The table.") var name: String
    @Option(help: "Expire snapshots older than this (ISO time or epoch milliseconds; default: now).") var olderThan: String?
    @Option(help: "Always keep this many recent snapshots of main.") var retainLast: Int = 1

    func run() async throws {
        try await CLIErrors.reporting {
            let table = try await lake.open().loadTable(try TableIdentifier(parsing: name))
            let cutoff = try olderThan.map { try TimeArgument.millis($0, option: "--older-than") } ?? Int64.max
            let (_, result) = try await table.expireSnapshots(olderThan: cutoff, retainLast: retainLast)
            print("\(name): expired \(result.expiredSnapshots.count) snapshots, deleted \(result.deletedFiles.count) files")
        }
    }
}

/// `lagoa table remove-orphans NAME [--older-than TS] [--dry-run]`.
struct TableRemoveOrphansCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove-orphans", abstract: "Delete files under the table that no snapshot references (leftovers of failed writes).")
    @OptionGroup var lake: LakeOptions
    @Argument(help: "The table.") var name: String
    @Option(help: "Only files older than this (default: 3 days ago, so writes in progress are safe).") var olderThan: String?
    @Flag(help: "List the orphans without deleting them.") var dryRun = false

    func run() async throws {
        try await CLIErrors.reporting {
            let table = try await lake.open().loadTable(try TableIdentifier(parsing: name))
            let now = WallClock.nowMillis()
            let cutoff = try olderThan.map { try TimeArgument.millis($0, option: "--older-than") } ?? now - 3 * 86_400_000
            let result = try await table.removeOrphanFiles(olderThan: cutoff, dryRun: dryRun)
            for orphan in result.orphans { print(orphan) }
            print("\(name): \(result.orphans.count) orphan files\(dryRun ? " (not deleted: --dry-run)" : " deleted")")
        }
    }
}

/// `lagoa table drop NAME [--purge]`.
struct TableDropCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "drop", abstract: "Remove a table from the catalog; --purge also deletes its files.")
    @OptionGroup var lake: LakeOptions
    @Argument(help: "The table.") var name: String
    @Flag(help: "Delete the table's data and metadata files too.") var purge = false

    func run() async throws {
        try await CLIErrors.reporting {
            try await lake.open().dropTable(try TableIdentifier(parsing: name), purge: purge)
            print("dropped table \(name)\(purge ? " and its files" : "")")
        }
    }
}
