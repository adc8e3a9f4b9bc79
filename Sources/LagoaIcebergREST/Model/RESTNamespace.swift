public import LagoaIceberg

/// Namespaces as the REST paths and bodies carry them: levels in a JSON array, or joined by the
/// unit separator (0x1F) in a path segment (`/v1/namespaces/sales%1Fsor`).
public enum RESTNamespace {
    public static let separator: Character = "\u{1F}"

    /// The namespace of a path segment (already percent-decoded).
    /// - Throws: 400 for empty or invalid levels.
    public static func parse(segment: String) throws(RESTError) -> Namespace {
        try make(segment.split(separator: separator, omittingEmptySubsequences: false).map(String.init))
    }

    public static func make(_ levels: [String]) throws(RESTError) -> Namespace {
        do {
            return try Namespace(levels)
        } catch {
            throw RESTError.badRequest("invalid namespace \(levels): \(error.message)")
        }
    }

    /// The path segment of a namespace.
    public static func segment(_ namespace: Namespace) -> String {
        namespace.levels.joined(separator: String(separator))
    }
}
