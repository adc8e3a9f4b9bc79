public import LagoaColumnar
import LagoaCore
import LagoaExecution
import LagoaSQL
import Synchronization

/// One user's conversation with the ``Engine``: runs statements one at a time, keeps the current
/// namespace and settings (`USE`, `SET`), and can cancel the running statement.
public final class Session: Sendable {
    public let engine: Engine
    let state: Mutex<SessionState>

    init(engine: Engine) {
        self.engine = engine
        self.state = Mutex(SessionState(options: engine.options))
    }

    /// Parses and runs every statement of `sql` in order and returns each result.
    /// - Throws: the first statement's error (``SQLSyntaxError`` for bad syntax — nothing runs then —,
    ///   ``LagoaPlanner/PlannerError`` with the position in the text, or a runtime error); statements
    ///   before it stay committed.
    public func execute(_ sql: String) async throws -> [QueryResult] {
        let parsed = try Parser.parseWithSpans(sql)
        var results: [QueryResult] = []
        for statement in parsed {
            let start = WallClock.nowMillis()
            let context = makeContext()
            state.withLock { $0.running = context }
            defer { state.withLock { $0.running = nil } }
            var result = try await StatementRunner(session: self, sql: sql, context: context).run(statement.statement)
            result.elapsedSeconds = Double(WallClock.nowMillis() - start) / 1000
            results.append(result)
        }
        return results
    }

    /// Runs statements and returns the last one's result.
    public func query(_ sql: String) async throws -> QueryResult {
        let results = try await execute(sql)
        guard let last = results.last else { throw EngineError(.invalidInput, "no SQL statement in the input") }
        return last
    }

    /// Cancels the statement running now, if any; it fails with a `query cancelled` error.
    public func cancel() {
        state.withLock { $0.running?.cancel() }
    }

    /// The namespace unqualified names resolve in.
    public var currentNamespace: [String] { state.withLock { $0.namespace } }

    func makeContext() -> TaskContext {
        let options = state.withLock { $0.options }
        return TaskContext(
            threads: options.threads,
            memoryLimit: options.memoryLimit,
            spillDirectory: options.spillDirectory ?? "/tmp"
        )
    }
}

/// The mutable part of a ``Session``.
struct SessionState: Sendable {
    var options: EngineOptions
    var namespace: [String]
    var running: TaskContext?

    init(options: EngineOptions) {
        self.options = options
        self.namespace = options.defaultNamespace
    }
}

extension Session {
    /// Splits a script into complete statements (quotes and comments respected); an unparsable
    /// script comes back whole, so running it reports the syntax error.
    public static func splitStatements(_ script: String) -> [String] {
        guard let parsed = try? Parser.parseWithSpans(script) else { return [script] }
        let bytes = Array(script.utf8)
        return parsed.map { String(decoding: bytes[$0.span.start..<min($0.span.end, bytes.count)], as: UTF8.self) }
    }

    /// Whether `text` ends a statement (a `;` outside quotes and comments): the shell's "run now or
    /// read another line" test.
    public static func isComplete(_ text: String) -> Bool {
        StatementCompleteness.isComplete(text)
    }
}
