import ArgumentParser
import LagoaConnectorFiles
import LagoaConnectorSQLite
import LagoaIngest

/// Opens the connector a source file or a one-off URL names.
enum SourceFactory {
    /// The source of a project's `sources/<name>.yaml`.
    static func make(_ config: SourceConfig, project: Project) throws -> any IngestSource {
        switch config.kind {
        case .sqlite:
            return SQLiteSource(path: project.resolve(config.path ?? ""))
        case .files:
            return try files(project.resolve(config.path ?? ""))
        case .postgresql:
            return try postgres(config.url ?? "", passwordEnv: config.passwordEnv)
        }
    }

    /// The source of `lagoa ingest URL`: `postgresql://…`, `sqlite:PATH` or a folder.
    static func make(url: String) throws -> any IngestSource {
        if url.hasPrefix("postgresql://") || url.hasPrefix("postgres://") { return try postgres(url, passwordEnv: nil) }
        if url.hasPrefix("sqlite:") {
            var path = String(url.dropFirst(7))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            return SQLiteSource(path: ProcessEnvironment.absolutePath(path))
        }
        if url.hasSuffix(".db") || url.hasSuffix(".sqlite") || url.hasSuffix(".sqlite3") {
            return SQLiteSource(path: ProcessEnvironment.absolutePath(url))
        }
        return try files(ProcessEnvironment.absolutePath(url))
    }

    private static func files(_ folder: String) throws -> any IngestSource {
        FilesSource(folder: folder)
    }

    private static func postgres(_ url: String, passwordEnv: String?) throws -> any IngestSource {
        throw IngestError(.configuration, "PostgreSQL sources are not available in this build yet")
    }
}
