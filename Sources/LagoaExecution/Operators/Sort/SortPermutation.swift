import LagoaColumnar

/// Sorts the rows of one set of encoded keys into a permutation, in parallel chunks merged at the
/// end; ties keep input order (the sort is stable).
///
/// - Complexity: O(n log n) comparisons; the leading key of one word compares inline.
enum SortPermutation {
    struct Entry {
        var rank: UInt8
        var word: UInt64
        var row: Int32
    }

    /// Row indices of `keys` (all of `count` rows) in sorted order; with `fetch`, only the first
    /// `fetch` of them.
    static func sort(_ keys: [SortKeyColumn], count: Int, fetch: Int? = nil, tasks: Int = 1) async -> [Int] {
        guard count > 1, !keys.isEmpty else { return Array(0..<min(count, fetch ?? count)) }
        let first = keys[0]
        let fast = first.hasLeadingWord
        var entries = [Entry](repeating: Entry(rank: 1, word: 0, row: 0), count: count)
        for i in 0..<count {
            let rank = first.nullRank?[i] ?? 1
            entries[i] = Entry(rank: rank, word: fast && rank == 1 ? first.leadingWord(i) : 0, row: Int32(i))
        }
        let rest = first.isSingleWord ? Array(keys.dropFirst()) : keys
        let less: @Sendable (Entry, Entry) -> Bool = { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.word != b.word { return a.word < b.word }
            let r = Int(a.row)
            let s = Int(b.row)
            for k in rest {
                let c = SortKeyColumn.compare(k, r, k, s)
                if c != 0 { return c < 0 }
            }
            return a.row < b.row
        }
        let chunks = min(max(1, tasks), max(1, count / 16_384))
        if chunks == 1 {
            if let fetch, fetch < count / 8 {
                return partialSort(entries, fetch: fetch, less: less)
            }
            entries.sort(by: less)
        } else {
            let bounds = (0...chunks).map { $0 * count / chunks }
            let sorted = await withTaskGroup(of: (Int, [Entry]).self) { group in
                for c in 0..<chunks {
                    let slice = Array(entries[bounds[c]..<bounds[c + 1]])
                    group.addTask {
                        var part = slice
                        part.sort(by: less)
                        return (c, part)
                    }
                }
                var parts = [[Entry]](repeating: [], count: chunks)
                for await (c, part) in group { parts[c] = part }
                return parts
            }
            entries = mergeAll(sorted, less: less)
        }
        let n = min(count, fetch ?? count)
        return (0..<n).map { Int(entries[$0].row) }
    }

    /// The smallest `fetch` entries in order, keeping a sorted buffer of at most 2 × fetch.
    private static func partialSort(_ entries: [Entry], fetch: Int, less: (Entry, Entry) -> Bool) -> [Int] {
        guard fetch > 0 else { return [] }
        var kept: [Entry] = []
        kept.reserveCapacity(2 * fetch + 1)
        // The worst of the best `fetch` seen so far: nothing at or after it can make the cut.
        var threshold: Entry?
        for e in entries {
            if let threshold, !less(e, threshold) { continue }
            kept.append(e)
            if kept.count >= 2 * fetch {
                kept.sort(by: less)
                kept.removeLast(kept.count - fetch)
                threshold = kept.last
            }
        }
        kept.sort(by: less)
        return kept.prefix(fetch).map { Int($0.row) }
    }

    private static func mergeAll(_ parts: [[Entry]], less: (Entry, Entry) -> Bool) -> [Entry] {
        var parts = parts
        while parts.count > 1 {
            var next: [[Entry]] = []
            var i = 0
            while i < parts.count {
                if i + 1 < parts.count {
                    next.append(merge(parts[i], parts[i + 1], less: less))
                } else {
                    next.append(parts[i])
                }
                i += 2
            }
            parts = next
        }
        return parts.first ?? []
    }

    private static func merge(_ a: [Entry], _ b: [Entry], less: (Entry, Entry) -> Bool) -> [Entry] {
        var out: [Entry] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if less(b[j], a[i]) {
                out.append(b[j])
                j += 1
            } else {
                out.append(a[i])
                i += 1
            }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }
}
