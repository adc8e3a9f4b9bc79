#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A hidden temporary file beside an object's final name (`.<name>.lagoa-tmp-<random>`), written,
/// fsynced and then published by `rename` (replace) or `link` (create only if absent).
///
/// Not thread-safe: one owner writes and publishes or discards it.
final class LocalTemporaryFile {
    let path: ObjectPath
    let name: String
    let finalFile: String
    let folder: String
    let temporaryFile: String
    private var descriptor: Int32

    /// Creates the parent folders as needed and the empty temporary file.
    init(store: LocalFileSystemStore, path: ObjectPath) throws(ObjectStoreError) {
        self.path = path
        self.name = store.name(path)
        self.finalFile = store.filePath(path)
        self.folder = path.parent.map { store.filePath($0) } ?? store.root
        self.temporaryFile = folder + "/" + POSIX.temporaryName(for: path.lastSegment)
        var attempts = 0
        while true {
            let fd = open(temporaryFile, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 {
                descriptor = fd
                return
            }
            let code = errno
            // The folder is missing: create it. A concurrent delete may remove an empty folder
            // between our mkdir and open, so try a few times.
            guard code == ENOENT || code == ENOTDIR, attempts < 5 else { throw POSIX.error(code, "create a temporary file", name) }
            attempts += 1
            try POSIX.makeDirectories(folder, name: name)
        }
    }

    deinit {
        discard()
    }

    /// Appends `bytes`.
    func write(_ bytes: [UInt8]) throws(ObjectStoreError) {
        precondition(descriptor >= 0, "write to a LocalTemporaryFile after it was published or discarded")
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(ObjectStoreError) in try POSIX.writeFully(descriptor, raw, name: name) }
        }
        try result.get()
    }

    /// fsyncs and renames over the final name (replacing it), then fsyncs the folder.
    func publishByRename() throws(ObjectStoreError) {
        try syncAndClose()
        if rename(temporaryFile, finalFile) != 0 {
            let code = errno
            if code == EISDIR {
                throw ObjectStoreError(.invalidPath, "\(name) is a folder of other objects; it cannot also be an object")
            }
            throw POSIX.error(code, "rename the temporary file into place", name)
        }
        try POSIX.syncDirectory(folder, name: name)
    }

    /// fsyncs and hard-links to the final name, which fails if it exists; removes the temporary name.
    /// - Throws: ``ObjectStoreError/Code/alreadyExists`` when the final name exists.
    func publishByLink() throws(ObjectStoreError) {
        try syncAndClose()
        let linked = link(temporaryFile, finalFile)
        let code = errno
        unlink(temporaryFile)
        if linked != 0 {
            if code == EEXIST { throw ObjectStoreError(.alreadyExists, "\(name) already exists") }
            throw POSIX.error(code, "link the temporary file into place", name)
        }
        try POSIX.syncDirectory(folder, name: name)
    }

    /// Closes and removes the temporary file; safe to call more than once.
    func discard() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        unlink(temporaryFile)
    }

    private func syncAndClose() throws(ObjectStoreError) {
        precondition(descriptor >= 0, "LocalTemporaryFile published twice")
        if fsync(descriptor) != 0 {
            throw POSIX.error(errno, "fsync", name)
        }
        let fd = descriptor
        descriptor = -1
        if close(fd) != 0 {
            throw POSIX.error(errno, "close", name)
        }
    }
}
