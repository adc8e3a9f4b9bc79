/// Nearest-name suggestions for "did you mean" in error messages.
public enum Suggestions {
    /// Levenshtein distance.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased())
        let y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// Up to three candidates closest to `name` within a distance of about a third of its length
    /// (at least 2), nearest first, ties alphabetical.
    public static func nearest(_ name: String, among candidates: [String]) -> [String] {
        let limit = Swift.max(2, name.count / 3)
        let scored = Set(candidates).map { ($0, distance(name, $0)) }.filter { $0.1 <= limit && $0.1 > 0 }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(3).map(\.0)
    }

    /// `; did you mean "a" or "b"?` or the empty string.
    public static func didYouMean(_ name: String, among candidates: [String]) -> String {
        let found = nearest(name, among: candidates)
        guard !found.isEmpty else { return "" }
        return "; did you mean " + found.map { "\"\($0)\"" }.joined(separator: " or ") + "?"
    }
}
