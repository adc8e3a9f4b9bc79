/// A validated key inside an object store: `/`-separated segments relative to the store's root.
///
/// Keys come from table names, manifests written by other engines and users, so every one is
/// checked once here and never again: no empty key, no leading or trailing `/`, no empty, `.` or
/// `..` segment, no NUL, no backslash. A key therefore can never escape the store's root on a
/// local disk. Segments may hold any other Unicode (spaces, `=`, `%`), as Iceberg partition paths do.
public struct ObjectPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The key, e.g. `sales/orders/data/ingestion_date=2026-11-20/00000-0-abc.parquet`.
    public let string: String

    /// Validates `string` as a key.
    /// - Throws: ``ObjectStoreError/Code/invalidPath`` naming the offending segment.
    public init(_ string: String) throws(ObjectStoreError) {
        try Self.validate(string)
        self.string = string
    }

    private init(unchecked string: String) {
        self.string = string
    }

    /// The segments of the key.
    public var segments: [Substring] { string.split(separator: "/", omittingEmptySubsequences: false) }

    /// The last segment (the file name).
    public var lastSegment: Substring { segments.last ?? Substring(string) }

    /// The key of the parent "folder", or nil for a top-level key.
    public var parent: ObjectPath? {
        guard let slash = string.lastIndex(of: "/") else { return nil }
        return ObjectPath(unchecked: String(string[..<slash]))
    }

    /// This key followed by `/` and `child`, which may itself contain `/`.
    /// - Throws: when `child` is not a valid relative key.
    public func appending(_ child: String) throws(ObjectStoreError) -> ObjectPath {
        try ObjectPath(string + "/" + child)
    }

    /// Whether this key equals `prefix` or lies under it as a folder (`a/b` is under `a`, `ab` is not).
    public func isUnder(_ prefix: ObjectPath) -> Bool {
        string == prefix.string || string.hasPrefix(prefix.string + "/")
    }

    public var description: String { string }

    public static func < (lhs: ObjectPath, rhs: ObjectPath) -> Bool {
        lhs.string.utf8.lexicographicallyPrecedes(rhs.string.utf8)
    }

    private static func validate(_ string: String) throws(ObjectStoreError) {
        guard !string.isEmpty else {
            throw ObjectStoreError(.invalidPath, "an object key cannot be empty")
        }
        if string.hasPrefix("/") {
            throw ObjectStoreError(
                .invalidPath,
                "object key '\(string)' is absolute; keys are relative to the store's root"
            )
        }
        for segment in string.split(separator: "/", omittingEmptySubsequences: false) {
            let problem: String?
            switch segment {
            case "": problem = "has an empty segment (a leading, trailing or doubled '/')"
            case ".", "..": problem = "has a '\(segment)' segment; keys cannot point outside their folder"
            default:
                if segment.utf8.contains(0) {
                    problem = "contains a NUL byte"
                } else if segment.utf8.contains(UInt8(ascii: "\\")) {
                    problem = "contains a backslash"
                } else {
                    problem = nil
                }
            }
            if let problem {
                throw ObjectStoreError(.invalidPath, "object key '\(string)' \(problem)")
            }
        }
    }
}
