/// How one model run (or one test run) ended.
public struct ModelResult: Sendable {
    public enum Status: String, Sendable {
        /// Built, tested and published.
        case success
        /// Built, but an error-severity test failed: nothing was published.
        case failed
        /// The SQL or the write failed: nothing was published.
        case error
        /// Not run because a model it depends on did not succeed.
        case skipped
    }

    public var model: String
    public var table: String
    public var status: Status
    public var rows: Int = 0
    public var snapshotID: Int64?
    public var seconds: Double = 0
    public var tests: [TestOutcome] = []
    /// What went wrong (SQL error, write error, or which model made it skip).
    public var message: String?

    public init(model: String, table: String, status: Status) {
        self.model = model
        self.table = table
        self.status = status
    }
}

/// One test's outcome: how many rows broke it and the first few.
public struct TestOutcome: Sendable {
    public var name: String
    public var severity: ModelTest.Severity
    public var location: String
    public var failures: Int
    /// Column names, then up to five failing rows as text.
    public var sample: [[String]]
    /// The test query itself failed (bad SQL, missing column).
    public var error: String?

    public var passed: Bool { error == nil && failures == 0 }
    /// Whether this outcome stops a publish.
    public var blocks: Bool { !passed && severity == .error }
}
