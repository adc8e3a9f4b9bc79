import ArgumentParser
import LagoaCatalogSQL
import LagoaCore
import LagoaIceberg
import LagoaIngest
import LagoaObjectStore
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// `--warehouse` and `--catalog`, shared by every table and namespace command.
struct LakeOptions: ParsableArguments {
    @Option(help: "Where tables live: a folder or s3://bucket/prefix (default: $LAGOA_WAREHOUSE or ./warehouse).")
    var warehouse: String?

    @Option(help: "The catalog database: sqlite:PATH or postgresql://user:pass@host:port/db (default: $LAGOA_CATALOG or sqlite:<warehouse>/catalog.db).")
    var catalog: String?

    /// `scheme://user:secret@host` as `scheme://user@host`, for messages.
    static func redacted(_ text: String) -> String {
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return text }
        let head = parts[0]
        guard let colon = head.lastIndex(of: ":"), head[..<colon].contains("//") else { return text }
        let user: Substring = head[..<colon]
        return String(user) + "@" + String(parts[1])
    }

    /// The warehouse folder when it is on local disk (for log files), else `nil`.
    var localWarehouseFolder: String? {
        let text = warehouse ?? ProcessEnvironment.current["LAGOA_WAREHOUSE"] ?? "./warehouse"
        if text.hasPrefix("s3://") { return nil }
        return ProcessEnvironment.absolutePath(text.hasPrefix("file://") ? String(text.dropFirst(7)) : text)
    }

    /// Opens the warehouse storage and the catalog. Inside a project (a folder with lagoa.yaml
    /// here or above) its warehouse and catalog are the defaults.
    func open() throws -> Catalog {
        let environment = ProcessEnvironment.current
        if warehouse == nil && environment["LAGOA_WAREHOUSE"] == nil,
            let root = Project.find(from: ProcessEnvironment.absolutePath("."))
        {
            let project = try Project.load(root: root)
            return try ProjectOptions.parse([]).lake(self, for: project).open()
        }
        let warehouseText = warehouse ?? environment["LAGOA_WAREHOUSE"] ?? "./warehouse"
        let root: any ObjectStore
        let isLocal: Bool
        if warehouseText.hasPrefix("s3://") {
            root = try S3Support.store(url: warehouseText)
            isLocal = false
        } else {
            let path = warehouseText.hasPrefix("file://") ? String(warehouseText.dropFirst(7)) : warehouseText
            root = try LocalFileSystemStore(root: ProcessEnvironment.absolutePath(path))
            isLocal = true
        }
        let catalogText = catalog ?? environment["LAGOA_CATALOG"]
        let store: any CatalogStore
        switch catalogText {
        case nil:
            guard isLocal else {
                throw ValidationError("an S3 warehouse needs --catalog sqlite:PATH or --catalog postgresql://… (or $LAGOA_CATALOG)")
            }
            store = try SQLiteCatalogStore(path: String(root.url.dropFirst(7)) + "/catalog.db")
        case let text? where text.hasPrefix("sqlite:"):
            var path = String(text.dropFirst(7))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            store = try SQLiteCatalogStore(path: ProcessEnvironment.absolutePath(path))
        case let text? where text.hasPrefix("postgresql://") || text.hasPrefix("postgres://"):
            store = try PostgresCatalogStore(url: text)
        case let text?:
            throw ValidationError("unknown --catalog '\(Self.redacted(text))'; use sqlite:PATH or postgresql://…")
        }
        let fallback = StoreCache()
        let io = FileIO(stores: [root]) { (location: String) throws(IcebergError) -> (any ObjectStore)? in
            try fallback.store(for: location)
        }
        return Catalog(store: store, io: io, warehouse: root.url)
    }
}

/// Stores opened on demand for locations outside the warehouse (tables registered by other tools).
final class StoreCache: Sendable {
    private let stores = Mutex<[String: any ObjectStore]>([:])

    func store(for location: String) throws(IcebergError) -> (any ObjectStore)? {
        let key: String
        if location.hasPrefix("file:///") {
            key = "file://"
        } else if location.hasPrefix("s3://") {
            let bucket = location.dropFirst(5).prefix { $0 != "/" }
            key = "s3://" + bucket
        } else {
            return nil
        }
        if let found = stores.withLock({ $0[key] }) { return found }
        let made: any ObjectStore
        do {
            if key == "file://" {
                made = try LocalFileSystemStore(root: "/")
            } else {
                made = try S3Support.store(url: key)
            }
        } catch {
            throw IcebergError(.io, "cannot open storage for \(location): \(error)")
        }
        stores.withLock { $0[key] = made }
        return made
    }
}

/// The process environment and working directory.
enum ProcessEnvironment {
    static var current: [String: String] {
        var out: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                out[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return out
    }

    /// `path` made absolute against the working directory, without `.` segments.
    static func absolutePath(_ path: String) -> String {
        var full = path
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: 4096)
            let cwd = getcwd(&buffer, buffer.count).map { _ in String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) } ?? "."
            full = cwd + "/" + path
        }
        var parts: [Substring] = []
        for part in full.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
