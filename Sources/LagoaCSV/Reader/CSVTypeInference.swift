import LagoaColumnar

/// Infers one column's type from sample values: the narrowest of boolean, int64, float64, date32,
/// timestamp and string that every non-null value parses as.
///
/// Timestamps (`YYYY-MM-DD[ T]HH:MM[:SS[.f]]`) with a `Z` or offset infer `timestamp[us, UTC]`;
/// without, `timestamp[us]`. A column mixing the two infers string; bare dates mix with either.
/// A column with no non-null values infers string.
struct CSVTypeInference: Sendable {
    private var sawValue = false
    private var canBool = true
    private var canInt = true
    private var canFloat = true
    private var canDate = true
    private var canTimestamp = true
    private var sawZoned = false
    private var sawNaive = false

    /// Narrows the candidates by one non-null value.
    /// - Complexity: O(n) in the text's length, usually O(1) once a column is known to be text.
    mutating func observe(_ text: UnsafeBufferPointer<UInt8>) {
        sawValue = true
        if canBool { canBool = TextParsing.parseBool(text) != nil }
        if canInt { canInt = TextParsing.parseInt64(text) != nil }
        if canFloat && !canInt { canFloat = TextParsing.parseFloat64(text) != nil }
        if canDate { canDate = TextParsing.parseDate(text) != nil }
        if canTimestamp && !canDate {
            if let value = TextParsing.parseTimestamp(text, unit: .microsecond) {
                if value.hasTime {
                    if value.zoned { sawZoned = true } else { sawNaive = true }
                }
            } else {
                canTimestamp = false
            }
        }
    }

    /// The inferred type.
    var type: DataType {
        guard sawValue else { return .string }
        if canBool { return .boolean }
        if canInt { return .int64 }
        if canFloat { return .float64 }
        if canDate { return .date32 }
        if canTimestamp && !(sawZoned && sawNaive) { return .timestamp(.microsecond, timeZone: sawZoned ? "UTC" : nil) }
        return .string
    }

    /// Unique column names from header cells: empty names become `column<i>` (1-based position),
    /// repeated names get `_1`, `_2`, … appended.
    static func columnNames(_ header: [String]) -> [String] {
        var used = Set<String>()
        var names: [String] = []
        names.reserveCapacity(header.count)
        for (i, cell) in header.enumerated() {
            let base = cell.isEmpty ? "column\(i + 1)" : cell
            var candidate = base
            var suffix = 1
            while used.contains(candidate) {
                candidate = "\(base)_\(suffix)"
                suffix += 1
            }
            used.insert(candidate)
            names.append(candidate)
        }
        return names
    }
}
