/// Byte counts as users write them: `1048576`, `512MB`, `2GiB`, `1.5 GB` (SET memory_limit,
/// `--memory-limit`).
public enum ByteSize {
    /// The number of bytes, or `nil` when `text` is not a positive size.
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.filter { $0 != " " && $0 != "_" }.lowercased()
        let digits = trimmed.prefix { $0.isNumber || $0 == "." }
        let factors: [String: Double] = [
            "": 1, "b": 1, "k": 1e3, "kb": 1e3, "kib": 1024, "m": 1e6, "mb": 1e6, "mib": 1_048_576,
            "g": 1e9, "gb": 1e9, "gib": 1_073_741_824, "t": 1e12, "tb": 1e12, "tib": 1_099_511_627_776,
        ]
        guard let number = Double(digits), let factor = factors[String(trimmed.dropFirst(digits.count))], number > 0 else { return nil }
        return Int(number * factor)
    }
}
