/// One record of a sqllogictest file (`statement ok`, `statement error`, `query <types> [sort]`).
public enum SLTRecord: Sendable {
    case statement(sql: String, expectError: String?, line: Int)
    case query(sql: String, types: String, sortMode: String?, expected: [String], line: Int)
}
