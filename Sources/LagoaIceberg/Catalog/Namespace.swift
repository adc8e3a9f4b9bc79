/// A catalog namespace: one or more levels, written with dots (`sales.sor`).
///
/// Every level is a name of letters, digits, `_` and `-` starting with a letter, digit or `_`, at
/// most 255 bytes: names become folder names in the warehouse, so nothing that could escape a folder
/// (`..`, `/`, `\`) is accepted.
public struct Namespace: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The levels, outermost first: `["sales", "sor"]`.
    public let levels: [String]

    /// Validates `levels`.
    /// - Throws: ``IcebergError/Code/invalidArgument`` naming the bad level.
    public init(_ levels: [String]) throws(IcebergError) {
        guard !levels.isEmpty else {
            throw IcebergError(.invalidArgument, "a namespace needs at least one level")
        }
        for level in levels {
            try Namespace.validate(name: level, kind: "namespace")
        }
        self.levels = levels
    }

    /// Parses the dotted form, `sales.sor`.
    public init(parsing dotted: String) throws(IcebergError) {
        try self.init(dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init))
    }

    /// The dotted form, `sales.sor`, as stored in the SQL catalog's `table_namespace` column.
    public var dotted: String { levels.joined(separator: ".") }

    /// The enclosing namespace, or nil for a top-level one.
    public var parent: Namespace? {
        levels.count > 1 ? try? Namespace(Array(levels.dropLast())) : nil
    }

    /// Whether `self` is `other` or nested inside it.
    public func isWithin(_ other: Namespace) -> Bool {
        levels.count >= other.levels.count && Array(levels.prefix(other.levels.count)) == other.levels
    }

    public var description: String { dotted }

    public static func < (lhs: Namespace, rhs: Namespace) -> Bool {
        lhs.levels.lexicographicallyPrecedes(rhs.levels)
    }

    /// Checks one namespace level or table name.
    static func validate(name: String, kind: String) throws(IcebergError) {
        guard !name.isEmpty else {
            throw IcebergError(.invalidArgument, "\(kind) name is empty; names look like 'sales.sor.orders'")
        }
        guard name.utf8.count <= 255 else {
            throw IcebergError(.invalidArgument, "\(kind) name '\(name.prefix(40))…' is longer than 255 bytes")
        }
        for (index, byte) in name.utf8.enumerated() {
            let isAlnum = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            let allowed = isAlnum || byte == UInt8(ascii: "_") || (index > 0 && byte == UInt8(ascii: "-"))
            if !allowed {
                throw IcebergError(
                    .invalidArgument,
                    "\(kind) name '\(name)' may only contain letters, digits, '_' and '-' (not at the start)"
                )
            }
        }
    }
}
