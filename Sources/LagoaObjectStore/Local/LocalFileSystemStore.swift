#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An object store in a folder on local disk: each key is a file under the root, each `/` a folder.
///
/// - `put` and writers publish atomically: bytes go to a hidden temporary file beside the target
///   (`.<name>.lagoa-tmp-<random>`), which is fsynced and renamed over it, then the folder is fsynced.
/// - `putIfAbsent` is atomic across processes: the temporary file is hard-linked to the final name,
///   and `link(2)` fails with `EEXIST` when another writer got there first.
/// - `list` returns every file, leftover temporary files included, so orphan cleanup can find them.
///
/// Calls block their thread on the system calls, like ``LocalFileSource``; local disks answer fast.
public final class LocalFileSystemStore: ObjectStore {
    /// The absolute root folder, without a trailing `/`.
    public let root: String
    /// `file://` followed by ``root``.
    public let url: String

    /// Opens (and creates when missing) the folder `root`; a relative path is taken from the current
    /// directory.
    /// - Throws: ``ObjectStoreError`` when the folder cannot be created or is a file.
    public init(root: String) throws(ObjectStoreError) {
        guard !root.isEmpty else {
            throw ObjectStoreError(.invalidArgument, "the root folder of a local object store cannot be empty")
        }
        var absolute = root
        if !absolute.hasPrefix("/") {
            guard let cwd = getcwd(nil, 0) else {
                throw ObjectStoreError(.io, "cannot resolve '\(root)': the current directory is unknown")
            }
            absolute = String(cString: cwd) + "/" + absolute
            free(cwd)
        }
        try POSIX.makeDirectories(Self.trimmed(absolute), name: "file://" + absolute)
        guard let resolved = realpath(absolute, nil) else {
            throw POSIX.error(errno, "resolve the folder", "file://" + absolute)
        }
        self.root = Self.trimmed(String(cString: resolved))
        free(resolved)
        self.url = "file://" + self.root
    }

    /// The local file that holds `path`.
    public func filePath(_ path: ObjectPath) -> String {
        root == "/" ? "/" + path.string : root + "/" + path.string
    }

    public func get(_ path: ObjectPath) async throws(ObjectStoreError) -> [UInt8] {
        try withOpenFile(path) { fd, size throws(ObjectStoreError) in
            try POSIX.readFully(fd, offset: 0, length: Int(size), name: name(path))
        }
    }

    public func get(_ path: ObjectPath, range: Range<Int64>) async throws(ObjectStoreError) -> [UInt8] {
        try withOpenFile(path) { fd, size throws(ObjectStoreError) in
            guard range.lowerBound >= 0, range.upperBound <= size else {
                throw ObjectStoreError(
                    .invalidArgument,
                    "\(name(path)): range \(range.lowerBound)..<\(range.upperBound) runs past the end (\(size) bytes)"
                )
            }
            return try POSIX.readFully(fd, offset: range.lowerBound, length: range.count, name: name(path))
        }
    }

    public func head(_ path: ObjectPath) async throws(ObjectStoreError) -> ObjectMeta {
        switch POSIX.status(filePath(path)) {
        case .failure(let failure):
            throw POSIX.error(failure.code, "stat", name(path))
        case .success(let info):
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw ObjectStoreError(.notFound, "\(name(path)) does not exist (it is a folder)")
            }
            return ObjectMeta(
                path: path,
                size: Int64(info.st_size),
                lastModifiedMillis: POSIX.modifiedMillis(info),
                eTag: POSIX.eTag(info)
            )
        }
    }

    public func put(_ path: ObjectPath, _ bytes: [UInt8]) async throws(ObjectStoreError) {
        let temporary = try LocalTemporaryFile(store: self, path: path)
        do throws(ObjectStoreError) {
            try temporary.write(bytes)
            try temporary.publishByRename()
        } catch {
            temporary.discard()
            throw error
        }
    }

    public func putIfAbsent(_ path: ObjectPath, _ bytes: [UInt8]) async throws(ObjectStoreError) {
        let temporary = try LocalTemporaryFile(store: self, path: path)
        do throws(ObjectStoreError) {
            try temporary.write(bytes)
            try temporary.publishByLink()
        } catch {
            temporary.discard()
            throw error
        }
    }

    public func list(prefix: ObjectPath?) async throws(ObjectStoreError) -> [ObjectMeta] {
        var found: [ObjectMeta] = []
        if let prefix {
            switch POSIX.status(filePath(prefix)) {
            case .failure(let failure):
                if failure.code == ENOENT || failure.code == ENOTDIR { return [] }
                throw POSIX.error(failure.code, "list", name(prefix))
            case .success(let info):
                if (info.st_mode & S_IFMT) == S_IFREG {
                    return [ObjectMeta(path: prefix, size: Int64(info.st_size), lastModifiedMillis: POSIX.modifiedMillis(info), eTag: POSIX.eTag(info))]
                }
                guard (info.st_mode & S_IFMT) == S_IFDIR else { return [] }
                try walk(folder: filePath(prefix), key: prefix.string, into: &found)
            }
        } else {
            try walk(folder: root, key: nil, into: &found)
        }
        return found.sorted { $0.path < $1.path }
    }

    public func delete(_ path: ObjectPath) async throws(ObjectStoreError) {
        let file = filePath(path)
        if unlink(file) != 0 {
            let code = errno
            // A missing key, or a key that is a folder of other objects: there is no such object.
            if code == ENOENT || code == ENOTDIR || code == EISDIR { return }
            throw POSIX.error(code, "delete", name(path))
        }
        removeEmptyFolders(above: path)
    }

    public func writer(_ path: ObjectPath) async throws(ObjectStoreError) -> any ObjectWriter {
        LocalObjectWriter(temporary: try LocalTemporaryFile(store: self, path: path))
    }

    /// `file://<root>/<key>`, the name used in messages.
    func name(_ path: ObjectPath) -> String {
        url + "/" + path.string
    }

    /// Opens `path` read-only and passes the descriptor and size of the regular file to `body`.
    private func withOpenFile<T>(
        _ path: ObjectPath,
        _ body: (Int32, Int64) throws(ObjectStoreError) -> T
    ) throws(ObjectStoreError) -> T {
        let fd = open(filePath(path), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw POSIX.error(errno, "open", name(path)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw POSIX.error(errno, "stat", name(path)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw ObjectStoreError(.notFound, "\(name(path)) does not exist (it is a folder)")
        }
        return try body(fd, Int64(info.st_size))
    }

    /// Appends every regular file under `folder` (whose key is `key`, nil for the root) to `found`.
    private func walk(folder: String, key: String?, into found: inout [ObjectMeta]) throws(ObjectStoreError) {
        guard let dir = opendir(folder) else {
            let code = errno
            if code == ENOENT { return }  // removed while listing
            throw POSIX.error(code, "list folder '\(folder)'", url + (key.map { "/" + $0 } ?? ""))
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if entryName == "." || entryName == ".." { continue }
            let childKey = key.map { $0 + "/" + entryName } ?? entryName
            let childFile = folder + "/" + entryName
            // Names that are not valid keys (a backslash) cannot be addressed through this store.
            guard let childPath = try? ObjectPath(childKey) else { continue }
            guard case .success(let info) = POSIX.status(childFile) else { continue }  // vanished
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                found.append(
                    ObjectMeta(path: childPath, size: Int64(info.st_size), lastModifiedMillis: POSIX.modifiedMillis(info), eTag: POSIX.eTag(info))
                )
            case S_IFDIR where Int32(entry.pointee.d_type) != Int32(DT_LNK):
                try walk(folder: childFile, key: childKey, into: &found)
            default:
                continue  // sockets, devices, links to folders (which could loop)
            }
        }
    }

    /// Removes the folders of `path` that are now empty, bottom up, stopping at the root or at the
    /// first folder that still holds something (`rmdir` refuses non-empty folders, so a concurrent
    /// writer never loses its folder: it recreates it if needed, see ``LocalTemporaryFile``).
    private func removeEmptyFolders(above path: ObjectPath) {
        var parent = path.parent
        while let folder = parent {
            if rmdir(filePath(folder)) != 0 { return }
            parent = folder.parent
        }
    }

    private static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
