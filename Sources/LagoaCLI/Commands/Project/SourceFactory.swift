import ArgumentParser
import LagoaConnectorFiles
import LagoaConnectorPostgres
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
            return try postgres(config.url ?? "", passwordEnv: config.passwordEnv, numericAsString: config.unconstrainedNumericAsString)
        }
    }

    /// The source of `lagoa ingest URL`: `postgresql://…`, `sqlite:PATH` or a folder.
    static func make(url: String) throws -> any IngestSource {
        if url.hasPrefix("postgresql://") || url.hasPrefix("postgres://") { return try postgres(url, passwordEnv: nil, numericAsString: false) }
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

    /// The password comes from `passwordEnv` when set, else libpq reads `PGPASSWORD` (or
    /// ~/.pgpass) itself.
    private static func postgres(_ url: String, passwordEnv: String?, numericAsString: Bool) throws -> any IngestSource {
        var password: String?
        if let passwordEnv {
            guard let value = ProcessEnvironment.current[passwordEnv] else {
                throw IngestError(.configuration, "the environment variable \(passwordEnv) (password_env) is not set; export it with the database password")
            }
            password = value
        }
        return PostgresSource(url: url, password: password, unconstrainedNumeric: numericAsString ? .string : .decimal(scale: 10))
    }
}
