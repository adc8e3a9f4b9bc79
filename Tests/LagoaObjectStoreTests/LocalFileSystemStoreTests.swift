import LagoaCore
import LagoaObjectStore
import LagoaTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What the local store does beyond the shared contract: folders, temporary files, permissions.
@Suite struct LocalFileSystemStoreTests {
    @Test func createsTheRootAndNamesItAsAFileURL() throws {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-store")
        defer { TestPaths.remove(folder) }
        let store = try LocalFileSystemStore(root: folder + "/a/b/c/")
        #expect(store.root == folder + "/a/b/c")
        #expect(store.url == "file://" + folder + "/a/b/c")
        var info = stat()
        #expect(stat(folder + "/a/b/c", &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR)
    }

    @Test func relativeRootsAreMadeAbsolute() throws {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-store")
        defer { TestPaths.remove(folder) }
        let previous = getcwd(nil, 0)!
        defer {
            chdir(previous)
            free(previous)
        }
        #expect(chdir(folder) == 0)
        let store = try LocalFileSystemStore(root: "relative/lake")
        #expect(store.root == folder + "/relative/lake")
        #expect(store.url.hasPrefix("file:///"))
    }

    @Test func aFileAsRootIsRefused() async throws {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-store")
        defer { TestPaths.remove(folder) }
        let store = try LocalFileSystemStore(root: folder)
        try await store.put(try ObjectPath("file"), [1])
        #expect {
            _ = try LocalFileSystemStore(root: folder + "/file")
        } throws: { error in
            (error as? ObjectStoreError)?.message
                == "file://\(folder)/file: cannot create folder '\(folder)/file' because a file of that name exists"
        }
    }

    @Test func objectsAreFilesUnderTheRoot() async throws {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-store")
        defer { TestPaths.remove(folder) }
        let store = try LocalFileSystemStore(root: folder)
        let path = try ObjectPath("sales/orders/data/x=1/part 0.parquet")
        try await store.put(path, Array("PAR1".utf8))
        #expect(store.filePath(path) == folder + "/sales/orders/data/x=1/part 0.parquet")
        let source = try LocalFileSource(path: store.filePath(path))
        #expect(try source.readSync(offset: 0, length: 4) == Array("PAR1".utf8))
    }

    @Test func deleteRemovesEmptyFoldersUpToTheRoot() async throws {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-store")
        defer { TestPaths.remove(folder) }
        let store = try LocalFileSystemStore(root: folder + "/root")
        try await store.put(try ObjectPath("a/b/c/d.txt"), [1])
        try await store.put(try ObjectPath("a/keep.txt"), [2])
        try await store.delete(try ObjectPath("a/b/c/d.txt"))
        #expect(try TestPaths.files(in: folder + "/root/a") == ["keep.txt"])
        try await store.delete(try ObjectPath("a/keep.txt"))
        #expect(try TestPaths.files(in: folder + "/root") == [])
        #expect(access(folder + "/root", F_OK) == 0)
        // The store still works after its folders went away.
        try await store.put(try ObjectPath("a/b/again.txt"), [3])
        #expect(try await store.get(try ObjectPath("a/b/again.txt")) == [3])
    }

    @Test func anOpenWriterShowsAsATemporaryFileInListings() async throws {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-store")
        defer { TestPaths.remove(folder) }
        let store = try LocalFileSystemStore(root: folder)
        let writer = try await store.writer(try ObjectPath("data/big.parquet"))
        try await writer.write([1, 2, 3])
        let listed = try await store.list(prefix: nil).map(\.path.string)
        #expect(listed.count == 1)
        #expect(listed.first?.hasPrefix("data/.big.parquet.lagoa-tmp-") == true)
        await writer.abort()
        #expect(try await store.list(prefix: nil).isEmpty)
    }

    @Test func aKeyThatIsAFolderIsNotAnObject() async throws {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-store")
        defer { TestPaths.remove(folder) }
        let store = try LocalFileSystemStore(root: folder)
        try await store.put(try ObjectPath("a/b"), [1])
        await #expect(throws: ObjectStoreError.self) { _ = try await store.get(try ObjectPath("a")) }
        do {
            _ = try await store.head(try ObjectPath("a"))
            Issue.record("head of a folder succeeded")
        } catch {
            #expect(error.code == .notFound)
            #expect(error.message == "file://\(folder)/a does not exist (it is a folder)")
        }
        try await store.delete(try ObjectPath("a"))
        #expect(try await store.get(try ObjectPath("a/b")) == [1])
        do {
            try await store.put(try ObjectPath("a"), [2])
            Issue.record("put over a folder succeeded")
        } catch {
            #expect(error.message == "file://\(folder)/a is a folder of other objects; it cannot also be an object")
        }
        #expect(try await store.list(prefix: nil).map(\.path.string) == ["a/b"])
    }

    @Test func messagesNameTheFile() async throws {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-store")
        defer { TestPaths.remove(folder) }
        let store = try LocalFileSystemStore(root: folder)
        do {
            _ = try await store.get(try ObjectPath("missing/key.json"))
            Issue.record("get of a missing key succeeded")
        } catch {
            #expect(error.code == .notFound)
            #expect(error.message == "file://\(folder)/missing/key.json does not exist")
        }
        try await store.put(try ObjectPath("f"), [1, 2, 3])
        do {
            _ = try await store.get(try ObjectPath("f"), range: 1..<4)
            Issue.record("range past the end succeeded")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.message == "file://\(folder)/f: range 1..<4 runs past the end (3 bytes)")
        }
    }

    @Test(.enabled(if: geteuid() != 0, "root ignores file permissions"))
    func unreadableFilesArePermissionDenied() async throws {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-store")
        defer { TestPaths.remove(folder) }
        let store = try LocalFileSystemStore(root: folder)
        try await store.put(try ObjectPath("secret"), [1])
        chmod(folder + "/secret", 0)
        do {
            _ = try await store.get(try ObjectPath("secret"))
            Issue.record("reading an unreadable file succeeded")
        } catch {
            #expect(error.code == .permissionDenied)
        }
    }

    @Test func unwritableFoldersArePermissionDenied() async throws {
        // Root bypasses mode bits, so use a path below a regular file instead when running as root:
        // that gives ENOTDIR, which the store reports as a folder that cannot be created.
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-store")
        defer { TestPaths.remove(folder) }
        let store = try LocalFileSystemStore(root: folder)
        try await store.put(try ObjectPath("plain"), [1])
        do {
            try await store.put(try ObjectPath("plain/child"), [2])
            Issue.record("writing below a file succeeded")
        } catch {
            #expect(error.code == .invalidPath)
            #expect(error.message == "file://\(folder)/plain/child: cannot create folder '\(folder)/plain' because a file of that name exists")
        }
    }
}
