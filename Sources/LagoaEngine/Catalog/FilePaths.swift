import LagoaObjectStore

/// Files named in SQL (`FROM 'data/*.parquet'`, `read_csv('/tmp/x.csv')`): the store to list and the
/// pattern relative to it.
enum FilePaths {
    /// Absolute paths are read from `/`, relative ones from the working directory; `file://` URLs
    /// are accepted. Glob characters are allowed in every segment.
    /// - Throws: ``EngineError`` for an empty path or `..` segments after a glob.
    static func storeAndPattern(_ path: String) throws -> (any ObjectStore, String) {
        var text = path
        if text.hasPrefix("file://") { text = String(text.dropFirst(7)) }
        guard !text.isEmpty else { throw EngineError(.invalidInput, "empty file path") }
        if text.hasPrefix("s3://") {
            throw EngineError(.unsupported, "reading files from S3 by path is not supported yet; register them as a table")
        }
        let absolute = text.hasPrefix("/") ? text : WorkingDirectory.current + "/" + text
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                guard let last = parts.popLast(), !last.contains(where: { "*?[".contains($0) }) else {
                    throw EngineError(.invalidInput, "'..' after a glob in '\(path)'")
                }
                continue
            }
            parts.append(part)
        }
        return (try LocalFileSystemStore(root: "/"), parts.joined(separator: "/"))
    }
}
