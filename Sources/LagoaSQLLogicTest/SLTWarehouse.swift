import Foundation
import LagoaCatalogSQL
import LagoaCore
public import LagoaEngine
import LagoaIceberg
import LagoaObjectStore
import LagoaTesting

/// A fresh temporary warehouse with a SQLite catalog and an ``Engine`` over it: one per `.slt` file
/// (and per TPC-H or fuzzing run), so files never see each other's tables.
public final class SLTWarehouse: Sendable {
    /// The warehouse folder; `catalog.db` sits inside it.
    public let folder: String
    public let engine: Engine
    private let ownsFolder: Bool

    private init(folder: String, engine: Engine, ownsFolder: Bool) {
        self.folder = folder
        self.engine = engine
        self.ownsFolder = ownsFolder
    }

    /// Creates a warehouse in `folder` (a new temporary folder when `nil`) with namespace `main`.
    /// - Throws: ``SLTError`` with code `io` when the folder or catalog cannot be opened.
    public static func make(folder: String? = nil, options: EngineOptions = EngineOptions()) async throws(SLTError) -> SLTWarehouse {
        let path = folder ?? TestPaths.temporaryDirectory(prefix: "lagoa-slt")
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            let root = try LocalFileSystemStore(root: path)
            let store = try SQLiteCatalogStore(path: path + "/catalog.db")
            let anywhere = try LocalFileSystemStore(root: "/")
            let io = FileIO(stores: [root]) { (location: String) throws(IcebergError) -> (any ObjectStore)? in
                location.hasPrefix("file://") ? anywhere : nil
            }
            let catalog = Catalog(store: store, io: io, warehouse: root.url)
            for namespace in options.defaultNamespace.isEmpty ? [] : [options.defaultNamespace] {
                let name = try Namespace(namespace)
                if try await !catalog.listNamespaces().contains(name) { try await catalog.createNamespace(name) }
            }
            return SLTWarehouse(folder: path, engine: Engine(catalog: catalog, options: options), ownsFolder: folder == nil)
        } catch {
            throw SLTError(.io, "cannot open a warehouse in '\(path)': \(error)", cause: error)
        }
    }

    /// Removes the folder when this warehouse created it.
    public func remove() {
        if ownsFolder { TestPaths.remove(folder) }
    }
}
