import LagoaTesting

#if canImport(Glibc)
import Glibc
#endif

/// The `lagoa` executable next to the test bundle, driven through bash for multi-process tests.
enum LagoaProcess {
    /// `$LAGOA_BIN`, else `lagoa` beside the test binary, else `.build/debug/lagoa`.
    static var binary: String {
        if let configured = TestPaths.environment("LAGOA_BIN") { return configured }
        var candidates: [String] = []
        if let first = CommandLine.arguments.first, let slash = first.lastIndex(of: "/") {
            var dir = String(first[..<slash])
            if dir.hasSuffix(".xctest/Contents/MacOS") { dir = String(dir.dropLast(".xctest/Contents/MacOS".count)) }
            candidates.append(dir + "/lagoa")
        }
        candidates.append(TestPaths.repositoryRoot() + "/.build/debug/lagoa")
        return candidates.first { access($0, X_OK) == 0 } ?? candidates[candidates.count - 1]
    }

    /// Runs a bash script with `$LAGOA` set to the binary; returns status and output.
    static func bash(_ script: String, in folder: String) async throws -> (status: Int32, output: String) {
        let path = folder + "/script.sh"
        let text = "set -uo pipefail\ncd '\(folder)'\nLAGOA='\(binary)'\n" + script
        let file = fopen(path, "w")
        fputs(text, file)
        fclose(file)
        return try await Subprocess.runDetached("/bin/bash", [path])
    }

    /// Writes `text` to `path`.
    static func write(_ text: String, to path: String) {
        let file = fopen(path, "w")
        fputs(text, file)
        fclose(file)
    }

    /// The contents of a text file.
    static func read(_ path: String) -> String {
        guard let file = fopen(path, "r") else { return "" }
        defer { fclose(file) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
