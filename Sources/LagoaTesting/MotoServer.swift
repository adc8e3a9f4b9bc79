import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A `moto_server` (S3, IAM, … emulator from the `.venv`) on a free local port, for integration tests.
///
/// Started from the folder of the Python interpreter (`<dir of LAGOA_PYTHON>/moto_server`). With
/// `initialUnauthenticatedActions`, moto verifies SigV4 after the first N requests (its
/// `INITIAL_NO_AUTH_ACTION_COUNT`); use those N requests to create an IAM user and access key
/// (``createIAMUser(python:)``).
public final class MotoServer: @unchecked Sendable {
    // @unchecked: `process` is only touched by start (before sharing) and stop (idempotent, locked).
    private let process: Process
    private let lock = NSLock()
    /// The port it listens on (127.0.0.1).
    public let port: Int
    /// `http://127.0.0.1:<port>`.
    public var endpoint: String { "http://127.0.0.1:\(port)" }
    /// The server's stdout and stderr.
    public let logFile: String

    private init(process: Process, port: Int, logFile: String) {
        self.process = process
        self.port = port
        self.logFile = logFile
    }

    deinit {
        stop()
    }

    /// Starts moto and waits (up to 30 s) until `GET /moto-api/` answers.
    /// - Parameters:
    ///   - python: the interpreter whose folder holds `moto_server`.
    ///   - initialUnauthenticatedActions: sets `INITIAL_NO_AUTH_ACTION_COUNT` (signatures are checked after that many requests).
    public static func start(python: String, initialUnauthenticatedActions: Int? = nil) async throws -> MotoServer {
        let folder = (python as NSString).deletingLastPathComponent
        let executable = folder + "/moto_server"
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw MotoServerError("\(executable) does not exist; install moto[server] into the venv of \(python)")
        }
        let port = try freePort()
        let logFile = NSTemporaryDirectory() + "lagoa-moto-\(port).log"
        _ = FileManager.default.createFile(atPath: logFile, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logFile))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
        var environment = ProcessInfo.processInfo.environment
        if let initialUnauthenticatedActions {
            environment["INITIAL_NO_AUTH_ACTION_COUNT"] = String(initialUnauthenticatedActions)
        }
        process.environment = environment
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let server = MotoServer(process: process, port: port, logFile: logFile)
        // Generous: moto loads every service on its first request, slowly on a busy 2-core machine
        // (make test runs the CPU-heavy spill and TPC-H suites at the same time; 120 s was once
        // not enough).
        let deadline = ContinuousClock.now + .seconds(300)
        while ContinuousClock.now < deadline {
            // On a thread of its own: the probe blocks until moto answers.
            if let status = try? await Subprocess.detached({ try rawHTTP(port: port, method: "GET", path: "/moto-api/").status }), status == 200 {
                return server
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        server.stop()
        let output = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
        throw MotoServerError("moto_server did not answer on port \(port) within 300 s; its output:\n\(output.suffix(2000))")
    }

    /// Stops the server (SIGKILL, then waits). Not SIGTERM: children started from Swift's
    /// concurrency threads inherit their blocked signal mask, so moto never sees a SIGTERM.
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Forgets every bucket, object and user (`POST /moto-api/reset`).
    public func reset() throws {
        let status = try Self.rawHTTP(port: port, method: "POST", path: "/moto-api/reset").status
        guard status == 200 else { throw MotoServerError("moto reset answered \(status)") }
    }

    /// Creates an IAM user allowed `s3:*` and returns its new access key, through boto3 (three
    /// requests: create_user, put_user_policy, create_access_key).
    public func createIAMUser(python: String, name: String = "lagoa") async throws -> (accessKeyID: String, secretAccessKey: String) {
        let script = """
            import boto3, json, sys
            iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
            iam.create_user(UserName=sys.argv[2])
            iam.put_user_policy(UserName=sys.argv[2], PolicyName="all-s3", PolicyDocument=json.dumps(
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}))
            key = iam.create_access_key(UserName=sys.argv[2])["AccessKey"]
            sys.stdout.write(key["AccessKeyId"] + " " + key["SecretAccessKey"])
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, endpoint, name]
        let pipe = Pipe()
        let errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let diagnostics = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let words = output.split(whereSeparator: \.isWhitespace)
        guard process.terminationStatus == 0, words.count == 2 else {
            throw MotoServerError(
                "creating an IAM user on moto failed (status \(process.terminationStatus)): \(output)\n\(diagnostics.suffix(3000))"
            )
        }
        return (String(words[0]), String(words[1]))
    }

    /// A port nobody listens on right now (bound to port 0, then released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw MotoServerError("socket() failed") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0 else { throw MotoServerError("bind() failed") }
        let named = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        guard named == 0 else { throw MotoServerError("getsockname() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// One HTTP/1.0 request over a plain socket; returns the status and the raw response.
    static func rawHTTP(port: Int, method: String, path: String) throws -> (status: Int, response: String) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw MotoServerError("socket() failed") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw MotoServerError("cannot connect to 127.0.0.1:\(port)") }
        let request = Array("\(method) \(path) HTTP/1.0\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 0\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress!, $0.count, 0) }
        var response: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if n <= 0 { break }
            response += chunk[0..<n]
        }
        let text = String(decoding: response, as: UTF8.self)
        let status = text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
        return (status, text)
    }
}

/// A failure to run moto (not a failure of the code under test).
public struct MotoServerError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
