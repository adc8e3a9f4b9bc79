import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Log output of the command line: `level message key=value…` lines on standard error, and the
/// same lines with timestamps in a log file while a command names one (each ingest run writes
/// `logs/ingest/<run-id>.log`). Secrets never reach a log: URLs are logged redacted by callers.
enum CLILogging {
    private static let file = Mutex<FileHandle?>(nil)
    private static let once = Mutex(false)

    /// Installs the handler (once per process). `LAGOA_LOG_LEVEL` (trace…critical) sets the level.
    static func bootstrap() {
        let first = once.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        let level = ProcessInfo.processInfo.environment["LAGOA_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = LineLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// Also writes every log line to `path` (created with its folders) until ``closeFile()``.
    static func openFile(_ path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        file.withLock { $0 = handle }
    }

    static func closeFile() {
        file.withLock {
            try? $0?.close()
            $0 = nil
        }
    }

    fileprivate static func emit(_ line: String, stamped: String) {
        ProgressLine.shared.clearing { CLIErrors.writeError(line) }
        file.withLock { handle in
            if let handle { try? handle.write(contentsOf: Data((stamped + "\n").utf8)) }
        }
    }
}

/// One line per message: `warning table failed table=sales.sor.orders error=…`.
struct LineLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    init(label: String) {
        self.label = label
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quoted("\($0.value)"))" }.joined(separator: " ")
        let text = "\(event.level) \(event.message)" + (fields.isEmpty ? "" : " " + fields)
        let stamp = ISO8601DateFormatter().string(from: Date())
        CLILogging.emit(text, stamped: "\(stamp) \(text)")
    }

    private static func quoted(_ value: String) -> String {
        value.contains(" ") || value.isEmpty ? "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : value
    }
}
