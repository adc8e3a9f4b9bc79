import ArgumentParser
import LagoaCore

#if canImport(Glibc)
import Glibc
#endif

/// Turns Lagoa errors into a message on stderr and exit code 1, instead of a stack of Swift text.
enum CLIErrors {
    static func reporting(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as any LagoaError {
            writeError("error: \(error.rendered)")
            throw ExitCode(1)
        }
    }

    /// Writes `text` to standard output as is (prompts, shell messages).
    static func writeOut(_ text: String) {
        _ = text.withCString { write(1, $0, strlen($0)) }
    }

    /// Writes `text` to standard error without adding a newline (the progress line).
    static func writeErrorRaw(_ text: String) {
        _ = text.withCString { write(2, $0, strlen($0)) }
    }

    static func writeError(_ text: String) {
        var line = text
        if !line.hasSuffix("\n") { line += "\n" }
        _ = line.withCString { write(2, $0, strlen($0)) }
    }
}
