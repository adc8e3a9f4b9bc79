import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion for tests, without Foundation's `Process` (which can miss the exit
/// of a child that forks, such as `runuser`, and wait forever).
public enum Subprocess {
    /// Runs `executable arguments` with stdin from /dev/null and stdout+stderr into a temporary
    /// file; blocks until it exits. - Returns: its exit status (128+N when killed by signal N) and output.
    /// - Throws: ``PostgresServerError`` when it cannot be started.
    public static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-subprocess")
        defer { TestPaths.remove(folder) }
        let outputPath = folder + "/output"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw PostgresServerError("cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitCode, text)
    }
}

extension Subprocess {
    /// ``run(_:_:)`` on a thread of its own, so a long child process does not hold one of the few
    /// threads Swift concurrency (and so every other running test) shares.
    public static func runDetached(_ executable: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await detached { try run(executable, arguments) }
    }

    /// Runs blocking `work` on a new thread and resumes with its result.
    public static func detached<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try work() })
            }
            thread.stackSize = 1 << 22
            thread.start()
        }
    }
}
