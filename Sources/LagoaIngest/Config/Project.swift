import Foundation
import LagoaCore

/// A project folder: `lagoa.yaml` and its `sources/`.
public struct Project: Sendable {
    /// The folder holding `lagoa.yaml`, absolute.
    public let root: String
    public let config: ProjectConfig
    public let sources: [SourceConfig]

    /// The folder holding `lagoa.yaml`: `start` or the nearest folder above it.
    public static func find(from start: String) -> String? {
        var folder = start
        while true {
            if FileManager.default.fileExists(atPath: folder + "/lagoa.yaml") { return folder }
            guard let slash = folder.lastIndex(of: "/"), folder != "/" else { return nil }
            folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
        }
    }

    /// Reads `lagoa.yaml` and every `sources/*.yaml`, stopping at the first error.
    public static func load(root: String) throws(IngestError) -> Project {
        let (project, errors) = validate(root: root)
        if let first = errors.first { throw first }
        return project!
    }

    /// Reads everything and returns every error found (for `lagoa validate`).
    public static func validate(root: String) -> (Project?, [IngestError]) {
        var errors: [IngestError] = []
        let config: ProjectConfig
        do {
            config = try ProjectConfig(parsing: try read(root, "lagoa.yaml"), file: "lagoa.yaml")
        } catch {
            return (nil, [error])
        }
        var sources: [SourceConfig] = []
        for file in yamlFiles(root, "sources") {
            do {
                let source = try SourceConfig(parsing: try read(root, file), file: file)
                if let other = sources.first(where: { $0.name == source.name }) {
                    errors.append(IngestError(.configuration, "\(file): source name '\(source.name)' is also used by \(other.file); names must be unique"))
                    continue
                }
                sources.append(source)
            } catch {
                errors.append(error)
            }
        }
        return (Project(root: root, config: config, sources: sources), errors)
    }

    /// The source called `name`.
    public func source(named name: String) throws(IngestError) -> SourceConfig {
        guard let found = sources.first(where: { $0.name == name }) else {
            throw IngestError(
                .notFound,
                "no source '\(name)' in \(root)/sources\(Suggestions.didYouMean(name, among: sources.map(\.name))) (sources: \(sources.map(\.name).joined(separator: ", ")))"
            )
        }
        return found
    }

    /// `path` resolved against the project folder unless absolute.
    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : root + "/" + (path.hasPrefix("./") ? String(path.dropFirst(2)) : path)
    }

    /// `folder/*.yaml` (and `.yml`) relative to the project, sorted.
    static func yamlFiles(_ root: String, _ folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { folder + "/" + $0 }
    }

    static func read(_ root: String, _ file: String) throws(IngestError) -> String {
        guard let data = FileManager.default.contents(atPath: root + "/" + file), let text = String(data: data, encoding: .utf8) else {
            throw IngestError(.configuration, "\(file): cannot read it (missing or not UTF-8) in \(root)")
        }
        return text
    }
}
