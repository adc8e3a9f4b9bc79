public import LagoaColumnar

/// One user's conversation with the ``Engine``: runs statements one at a time.
public final class Session: @unchecked Sendable {
    // Mutable state is touched only by the task running the session's statements.
    public let engine: Engine

    init(engine: Engine) {
        self.engine = engine
    }

    /// Parses and runs every statement of `sql` in order and returns each result.
    /// - Throws: ``EngineError`` (or the error of a lower layer) naming the statement that failed;
    ///   statements before it stay committed.
    public func execute(_ sql: String) async throws -> [QueryResult] {
        throw EngineError(.unsupported, "the SQL engine is not wired yet")
    }

    /// Runs a single statement and returns its result.
    public func query(_ sql: String) async throws -> QueryResult {
        let results = try await execute(sql)
        guard let last = results.last else { throw EngineError(.invalidInput, "no SQL statement in the input") }
        return last
    }

    /// Cancels the statement running now, if any; it fails with ``EngineError/Code/cancelled``.
    public func cancel() {}
}

extension Session {
    /// Splits a script into complete statements (quotes and comments respected).
    public static func splitStatements(_ script: String) -> [String] {
        [script]
    }

    /// Whether `text` ends a statement (a `;` outside quotes and comments): the shell's
    /// "run now or read another line" test.
    public static func isComplete(_ text: String) -> Bool {
        text.reversed().first { !$0.isWhitespace } == ";"
    }
}
