import LagoaIceberg

/// Distinct-count estimates of an Iceberg table's columns, from the bounds its data files record:
/// an integer or date column holds at most `upper - lower + 1` distinct values, and at most one per
/// non-NULL row. Keys such as `nationkey` (25 values in 150 000 rows) or `custkey` (unique) come
/// out right; other types, and files without bounds, give `nil` (unknown).
enum IcebergDistinctEstimates {
    /// One estimate per top-level field of `schema`.
    static func estimate(schema: IcebergSchema, files: [DataFile]) -> [Double?] {
        schema.fields.map { field in
            switch field.type {
            case .int, .long, .date: return estimate(field, files)
            default: return nil
            }
        }
    }

    private static func estimate(_ field: NestedField, _ files: [DataFile]) -> Double? {
        var lower = Int64.max
        var upper = Int64.min
        var values: Int64 = 0
        for file in files {
            let nulls = file.nullValueCounts[field.id] ?? 0
            if nulls == file.recordCount { continue }
            guard let lb = file.lowerBounds[field.id], let ub = file.upperBounds[field.id],
                  let lo = (try? IcebergValue(binary: lb, type: field.type))?.integerValue,
                  let hi = (try? IcebergValue(binary: ub, type: field.type))?.integerValue else { return nil }
            lower = min(lower, lo)
            upper = max(upper, hi)
            values += file.recordCount - nulls
        }
        guard values > 0, upper >= lower else { return nil }
        return min(Double(values), Double(upper) - Double(lower) + 1)
    }
}
