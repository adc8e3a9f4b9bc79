import LagoaParquet

extension ParquetFilter {
    /// This filter with every column renamed by `rename`; a comparison whose column it maps to
    /// `nil` is dropped: an AND keeps its other conjuncts, an OR needs all of its parts. `nil` when
    /// nothing usable is left. Restricting to the columns a file has, and translating table names
    /// to a file's names, are both this.
    func mappingColumns(_ rename: (String) -> String?) -> ParquetFilter? {
        switch self {
        case .compare(let c, let op, let value): return rename(c).map { .compare(column: $0, op, value) }
        case .isNull(let c): return rename(c).map { .isNull(column: $0) }
        case .isNotNull(let c): return rename(c).map { .isNotNull(column: $0) }
        case .and(let parts):
            let kept = parts.compactMap { $0.mappingColumns(rename) }
            return kept.isEmpty ? nil : .and(kept)
        case .or(let parts):
            var kept: [ParquetFilter] = []
            for part in parts {
                guard let mapped = part.mappingColumns(rename) else { return nil }
                kept.append(mapped)
            }
            return .or(kept)
        }
    }
}
