import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL server for tests: a fresh cluster in a temporary folder, listening on a
/// free loopback port, with a password user `lagoa` (SCRAM over TCP).
///
/// Uses the installed server (`pg_config --bindir`, else `/usr/lib/postgresql/15/bin`; Debian's
/// `postgresql` package). PostgreSQL refuses to run as root, so when the tests run as root the
/// cluster belongs to the `postgres` user and every server command runs through `runuser`.
public final class PostgresServer: Sendable {
    /// The cluster folder (data, socket, log), removed by ``stop()``.
    public let folder: String
    public let port: Int
    /// The password of user `lagoa`.
    public let password: String
    private let bin: String
    private let asPostgres: Bool

    /// Starts a server. Blocking (2–3 s); call it from a dedicated thread or once per test process.
    /// - Throws: ``PostgresServerError`` with the failing command's output.
    public static func start() throws -> PostgresServer {
        let bin = try binDirectory()
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-postgres")
        let asPostgres = geteuid() == 0
        if asPostgres {
            guard let user = getpwnam("postgres") else {
                throw PostgresServerError("running as root but there is no 'postgres' user to run the server as")
            }
            chown(folder, user.pointee.pw_uid, user.pointee.pw_gid)
        }
        chmod(folder, 0o700)
        let password = "pw-\(UInt32.random(in: 100_000...999_999))-secret"
        let passwordFile = folder + "/pwfile"
        try Data((password + "\n").utf8).write(to: URL(fileURLWithPath: passwordFile))
        if asPostgres, let user = getpwnam("postgres") { chown(passwordFile, user.pointee.pw_uid, user.pointee.pw_gid) }

        var lastError: (any Error)?
        for _ in 0..<3 {
            let port = try freePort()
            let server = PostgresServer(folder: folder, port: port, password: password, bin: bin, asPostgres: asPostgres)
            do {
                try server.initializeAndStart(passwordFile: passwordFile)
                return server
            } catch {
                lastError = error
                _ = try? server.serverCommand(["pg_ctl", "-D", folder + "/data", "stop", "-m", "immediate"])
                _ = system("rm -rf '\(folder)/data'")
            }
        }
        TestPaths.remove(folder)
        throw lastError ?? PostgresServerError("PostgreSQL did not start")
    }

    private init(folder: String, port: Int, password: String, bin: String, asPostgres: Bool) {
        self.folder = folder
        self.port = port
        self.password = password
        self.bin = bin
        self.asPostgres = asPostgres
    }

    private func initializeAndStart(passwordFile: String) throws {
        try serverCommand([
            "initdb", "-D", folder + "/data", "-U", "postgres", "--pwfile=" + passwordFile,
            "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync", "-E", "UTF8", "--locale=C",
        ])
        try serverCommand([
            "pg_ctl", "-D", folder + "/data", "-l", folder + "/server.log", "-w", "-t", "30", "-o",
            "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
            "start",
        ])
        try psql("CREATE ROLE lagoa LOGIN PASSWORD '\(password)' CREATEDB")
    }

    /// Creates database `name` owned by `lagoa` and returns its URL,
    /// `postgresql://lagoa:PASSWORD@127.0.0.1:PORT/NAME`.
    public func createDatabase(_ name: String) throws -> String {
        try psql("CREATE DATABASE \"\(name)\" OWNER lagoa")
        return url(database: name)
    }

    /// The URL of database `name` for user `lagoa`.
    public func url(database name: String, password: String? = nil) -> String {
        "postgresql://lagoa:\(password ?? self.password)@127.0.0.1:\(port)/\(name)"
    }

    /// Runs one SQL statement as the superuser over the server's Unix socket; returns its output.
    @discardableResult
    public func psql(_ sql: String, database: String = "postgres") throws -> String {
        try serverCommand([
            "psql", "-h", folder, "-p", "\(port)", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1",
            "-qAt", "-c", sql,
        ])
    }

    /// Stops the server at once and removes its folder.
    public func stop() {
        _ = try? serverCommand(["pg_ctl", "-D", folder + "/data", "stop", "-m", "immediate"])
        TestPaths.remove(folder)
    }

    /// Runs `bin/<arguments[0]> arguments[1...]` (as `postgres` when we are root); returns stdout.
    @discardableResult
    private func serverCommand(_ arguments: [String]) throws -> String {
        let program = bin + "/" + arguments[0]
        let rest = Array(arguments.dropFirst())
        if asPostgres {
            return try PostgresServer.run("/usr/sbin/runuser", ["-u", "postgres", "--", program] + rest)
        }
        return try PostgresServer.run(program, rest)
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let result = try Subprocess.run(executable, arguments)
        guard result.status == 0 else {
            let command = ([executable] + arguments).joined(separator: " ")
            throw PostgresServerError("\(command) exited with \(result.status):\n\(result.output)")
        }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func binDirectory() throws -> String {
        var candidates: [String] = []
        for config in ["/usr/bin/pg_config", "/usr/local/bin/pg_config"]
        where FileManager.default.isExecutableFile(atPath: config) {
            if let fromConfig = try? run(config, ["--bindir"]) { candidates.append(fromConfig) }
        }
        candidates.append(contentsOf: (13...17).reversed().map { "/usr/lib/postgresql/\($0)/bin" })
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate + "/pg_ctl") {
            return candidate
        }
        throw PostgresServerError(
            "no PostgreSQL server found (looked in \(candidates.joined(separator: ", "))); install Debian's "
                + "'postgresql' package (make deps)"
        )
    }

    /// A loopback TCP port nobody listens on right now.
    private static func freePort() throws -> Int {
        #if canImport(Glibc)
        let stream = Int32(SOCK_STREAM.rawValue)
        #else
        let stream = SOCK_STREAM
        #endif
        let fd = socket(AF_INET, stream, 0)
        guard fd >= 0 else { throw PostgresServerError("socket() failed: errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else { throw PostgresServerError("cannot bind a loopback port: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A failure to set up the test PostgreSQL server (not a failure of Lagoa).
public struct PostgresServerError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
