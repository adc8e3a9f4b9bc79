import LagoaCore

#if canImport(Glibc)
import Glibc
#endif

/// Locations used by tests: the repository's shared `TestData/` corpus and fresh temporary folders.
public enum TestPaths {
    /// The repository root, found from this file's path (`Sources/LagoaTesting/TestPaths.swift`).
    public static func repositoryRoot(file: String = #filePath) -> String {
        var parts = file.split(separator: "/", omittingEmptySubsequences: false)
        while let last = parts.last, last != "Sources" && last != "Tests" { parts.removeLast() }
        parts.removeLast()
        return parts.joined(separator: "/")
    }

    /// `TestData/<relative>` under the repository root.
    public static func testData(_ relative: String) -> String {
        repositoryRoot() + "/TestData/" + relative
    }

    /// Creates a new empty folder under `$TMPDIR` (or `/tmp`) and returns its path.
    public static func temporaryDirectory(prefix: String = "lagoa-test") -> String {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(base)/\(prefix).XXXXXX".utf8CString)
        let result = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(result != nil, "mkdtemp failed under \(base)")
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Removes a folder tree created by ``temporaryDirectory(prefix:)``.
    public static func remove(_ path: String) {
        precondition(path.contains("lagoa"), "refusing to remove '\(path)'")
        _ = system("rm -rf '\(path)'")
    }

    /// Names of the entries of folder `path` ending in `suffix`, sorted, without hidden files.
    /// - Throws: ``IOError`` when the folder cannot be opened.
    public static func files(in path: String, suffix: String = "") throws -> [String] {
        guard let dir = opendir(path) else { throw IOError("cannot open folder '\(path)'") }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix("."), name.hasSuffix(suffix) { names.append(name) }
        }
        return names.sorted()
    }

    /// The value of environment variable `name`, if set.
    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
