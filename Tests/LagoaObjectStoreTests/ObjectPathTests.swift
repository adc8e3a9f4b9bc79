import LagoaCore
import LagoaObjectStore
import Testing

@Suite struct ObjectPathTests {
    @Test(arguments: ["a", "a/b", "sales/orders/data/ingestion_date=2026-11-20/part 1 é.parquet", "x/%2F/y"])
    func acceptsRelativeKeys(_ key: String) throws {
        #expect(try ObjectPath(key).string == key)
    }

    @Test(arguments: [
        ("", "an object key cannot be empty"),
        ("/etc/passwd", "object key '/etc/passwd' is absolute; keys are relative to the store's root"),
        ("a//b", "object key 'a//b' has an empty segment (a leading, trailing or doubled '/')"),
        ("a/", "object key 'a/' has an empty segment (a leading, trailing or doubled '/')"),
        ("a/../../b", "object key 'a/../../b' has a '..' segment; keys cannot point outside their folder"),
        ("./a", "object key './a' has a '.' segment; keys cannot point outside their folder"),
        ("a\\..\\b", "object key 'a\\..\\b' contains a backslash"),
    ])
    func rejectsEscapes(_ key: String, _ message: String) {
        #expect {
            _ = try ObjectPath(key)
        } throws: { error in
            (error as? ObjectStoreError)?.message == message && (error as? ObjectStoreError)?.code == .invalidPath
        }
    }

    @Test func prefixesAreFolders() throws {
        let prefix = try ObjectPath("a/b")
        #expect(try ObjectPath("a/b/c").isUnder(prefix))
        #expect(try ObjectPath("a/b").isUnder(prefix))
        #expect(try !ObjectPath("a/bc").isUnder(prefix))
        #expect(try ObjectPath("a/b/c").parent == prefix)
    }
}
