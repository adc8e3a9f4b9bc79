import ArgumentParser
import LagoaIceberg

/// `lagoa namespace create|list|drop`.
struct NamespaceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "namespace",
        abstract: "Create, list and drop namespaces (dotted, nested: sales.sor).",
        subcommands: [Create.self, List.self, Drop.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a namespace.")
        @OptionGroup var lake: LakeOptions
        @Argument(help: "The namespace, e.g. sales.sor.") var name: String
        @Option(name: .customLong("property"), help: "A property key=value. Repeatable.") var properties: [String] = []

        func run() async throws {
            try await CLIErrors.reporting {
                let catalog = try lake.open()
                try await catalog.createNamespace(try Namespace(parsing: name), properties: try KeyValues.parse(properties, option: "--property"))
                print("created namespace \(name)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List namespaces (directly under PARENT when given).")
        @OptionGroup var lake: LakeOptions
        @Argument(help: "The parent namespace.") var parent: String?

        func run() async throws {
            try await CLIErrors.reporting {
                let catalog = try lake.open()
                for namespace in try await catalog.listNamespaces(under: try parent.map { try Namespace(parsing: $0) }) {
                    print(namespace.dotted)
                }
            }
        }
    }

    struct Drop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Drop an empty namespace.")
        @OptionGroup var lake: LakeOptions
        @Argument(help: "The namespace.") var name: String

        func run() async throws {
            try await CLIErrors.reporting {
                let catalog = try lake.open()
                try await catalog.dropNamespace(try Namespace(parsing: name))
                print("dropped namespace \(name)")
            }
        }
    }
}

/// `key=value` option values.
enum KeyValues {
    static func parse(_ entries: [String], option: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for entry in entries {
            guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex else {
                throw ValidationError("\(option) expects key=value, got '\(entry)'")
            }
            out[String(entry[..<equals])] = String(entry[entry.index(after: equals)...])
        }
        return out
    }
}
