import ArgumentParser
import LagoaIceberg

/// `lagoa table rollback NAME --to SNAPSHOT`.
struct TableRollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rollback", abstract: "Make an earlier snapshot current again.")
    @OptionGroup var lake: LakeOptions
    @Argument(help: "The table.") var name: String
    @Option(help: "The snapshot id to return to (see 'lagoa table history').") var to: Int64

    func run() async throws {
        try await CLIErrors.reporting {
            let table = try await lake.open().loadTable(try TableIdentifier(parsing: name))
            let done = try await table.rollback(to: to)
            print("\(name): current snapshot is now \(done.metadata.currentSnapshotID.map(String.init) ?? "none")")
        }
    }
}

/// `lagoa table branch NAME BRANCH [--snapshot ID] [--drop]`.
struct TableBranchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "branch", abstract: "Create (or drop) a branch; write to it with --branch, publish it with 'lagoa table publish'.")
    @OptionGroup var lake: LakeOptions
    @Argument(help: "The table.") var name: String
    @Argument(help: "The branch name.") var branch: String
    @Option(help: "Start the branch at this snapshot (default: the current one).") var snapshot: Int64?
    @Flag(help: "Drop the branch instead.") var drop = false

    func run() async throws {
        try await CLIErrors.reporting {
            let table = try await lake.open().loadTable(try TableIdentifier(parsing: name))
            if drop {
                _ = try await table.dropRef(branch)
                print("\(name): dropped branch \(branch)")
            } else {
                let done = try await table.createRef(branch, kind: .branch, at: snapshot)
                print("\(name): branch \(branch) at snapshot \(done.metadata.refs[branch]!.snapshotID)")
            }
        }
    }
}

/// `lagoa table tag NAME TAG [--snapshot ID] [--drop]`.
struct TableTagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tag", abstract: "Create (or drop) a tag: a fixed name for a snapshot.")
    @OptionGroup var lake: LakeOptions
    @Argument(help: "The table.") var name: String
    @Argument(help: "The tag name.") var tag: String
    @Option(help: "Tag this snapshot (default: the current one).") var snapshot: Int64?
    @Flag(help: "Drop the tag instead.") var drop = false

    func run() async throws {
        try await CLIErrors.reporting {
            let table = try await lake.open().loadTable(try TableIdentifier(parsing: name))
            if drop {
                _ = try await table.dropRef(tag)
                print("\(name): dropped tag \(tag)")
            } else {
                let done = try await table.createRef(tag, kind: .tag, at: snapshot)
                print("\(name): tag \(tag) at snapshot \(done.metadata.refs[tag]!.snapshotID)")
            }
        }
    }
}

/// `lagoa table publish NAME BRANCH`: fast-forward main to a branch.
struct TablePublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "publish", abstract: "Fast-forward main to the head of a branch (publish what was staged there).")
    @OptionGroup var lake: LakeOptions
    @Argument(help: "The table.") var name: String
    @Argument(help: "The branch to publish.") var branch: String

    func run() async throws {
        try await CLIErrors.reporting {
            let table = try await lake.open().loadTable(try TableIdentifier(parsing: name))
            let done = try await table.fastForward(to: branch)
            print("\(name): main is now at snapshot \(done.metadata.currentSnapshotID.map(String.init) ?? "none")")
        }
    }
}
