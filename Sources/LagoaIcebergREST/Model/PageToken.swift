/// Pagination of list endpoints (`pageToken`, `pageSize`): the token is the last name of the
/// previous page, so pages stay correct while names are added or removed between requests.
public struct PageToken: Sendable, Equatable {
    /// Names after this one (exclusive); `nil` starts at the beginning.
    public var after: String?
    public var size: Int?

    /// Reads the query parameters; an empty `pageToken=` (Spark sends it) starts at the beginning.
    /// - Throws: 400 for a size that is not a positive whole number, or a token Lagoa did not make.
    public init(token: String?, size: String?) throws(RESTError) {
        if let size, !size.isEmpty {
            guard let n = Int(size), n > 0 else { throw RESTError.badRequest("pageSize must be a positive whole number, not '\(size)'") }
            self.size = min(n, 1000)
        }
        guard let token, !token.isEmpty else { return }
        guard token.hasPrefix("after:") else { throw RESTError.badRequest("pageToken '\(token)' was not issued by this catalog; start again without it") }
        after = String(token.dropFirst(6))
    }

    /// The page of `names` (sorted) this token asks for, and the token of the next page.
    public func page(_ names: [String]) -> (items: [String], next: String?) {
        let start = after.map { last in names.firstIndex { $0 > last } ?? names.count } ?? 0
        guard let size else { return (Array(names[start...]), nil) }
        let end = min(names.count, start + size)
        let items = Array(names[start..<end])
        return (items, end < names.count ? items.last.map { "after:" + $0 } : nil)
    }
}
