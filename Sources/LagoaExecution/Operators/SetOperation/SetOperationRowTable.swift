import LagoaColumnar
#if canImport(Glibc)
import Glibc
#endif

/// Distinct rows and how often each occurs on the left and right of a set operation, in an
/// open-addressing hash table over rows encoded as bytes (NULLs equal NULLs, -0 equals 0, every
/// NaN equals every NaN, as SQL's set operations and DISTINCT compare).
///
/// - Complexity: O(row bytes) per inserted row, amortised.
struct SetOperationRowTable {
    /// Encoded rows of the distinct groups, back to back.
    private(set) var arena: [UInt8] = []
    private(set) var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Occurrences per group on each side.
    private(set) var counts: [[Int]] = [[], []]
    /// The first occurrence of each group: side and row.
    private(set) var firstSide: [UInt8] = []
    private(set) var firstRow: [Int] = []
    private var slots: [Int32] = Array(repeating: -1, count: 1024)

    var groupCount: Int { firstRow.count }

    /// Adds every row of `batch` to `side` (0 left, 1 right).
    mutating func insert(_ batch: RecordBatch, side: Int) {
        let encoder = RowBytesEncoder(batch)
        var row: [UInt8] = []
        for i in 0..<batch.rowCount {
            row.removeAll(keepingCapacity: true)
            encoder.encode(i, into: &row)
            let g = findOrInsert(row, side: side, rowIndex: i)
            counts[side][g] += 1
        }
    }

    private mutating func findOrInsert(_ row: [UInt8], side: Int, rowIndex: Int) -> Int {
        let h = Self.hash(row)
        if groupCount * 2 >= slots.count { grow() }
        let mask = slots.count - 1
        var s = Int(h & UInt64(mask))
        while true {
            let g = Int(slots[s])
            if g < 0 { break }
            if hashes[g] == h && equal(g, row) { return g }
            s = (s + 1) & mask
        }
        let g = groupCount
        slots[s] = Int32(g)
        hashes.append(h)
        arena.append(contentsOf: row)
        starts.append(arena.count)
        counts[0].append(0)
        counts[1].append(0)
        firstSide.append(UInt8(side))
        firstRow.append(rowIndex)
        return g
    }

    private func equal(_ g: Int, _ row: [UInt8]) -> Bool {
        let n = starts[g + 1] - starts[g]
        guard n == row.count else { return false }
        if n == 0 { return true }
        return arena.withUnsafeBytes { a in row.withUnsafeBytes { b in memcmp(a.baseAddress! + starts[g], b.baseAddress!, n) == 0 } }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for g in 0..<groupCount {
            var s = Int(hashes[g] & UInt64(mask))
            while slots[s] >= 0 { s = (s + 1) & mask }
            slots[s] = Int32(g)
        }
    }

    /// 64-bit hash of bytes (8 at a time, multiply-xorshift mixing).
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
            var i = 0
            while i + 8 <= raw.count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 31
                i += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < raw.count {
                tail |= UInt64(raw[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
            return h ^ (h >> 29)
        }
    }
}

/// Encodes the rows of one batch as bytes that are equal exactly when the rows are equal for
/// DISTINCT (NULL = NULL).
struct RowBytesEncoder {
    let batch: RecordBatch

    init(_ batch: RecordBatch) { self.batch = batch }

    func encode(_ i: Int, into out: inout [UInt8]) {
        for column in batch.columns { Self.append(column, i, into: &out) }
    }

    static func append(_ column: Column, _ i: Int, into out: inout [UInt8]) {
        guard column.isValid(i) else {
            out.append(0)
            return
        }
        out.append(1)
        switch column.type {
        case .boolean: out.append(column.bool(at: i) ? 1 : 0)
        case .float32:
            let f = column.values(as: Float.self)[i]
            appendWord(f == 0 ? 0 : (f.isNaN ? Float.nan : f).bitPattern, into: &out)
        case .float64:
            let d = column.values(as: Double.self)[i]
            appendWord(d == 0 ? 0 : (d.isNaN ? Double.nan : d).bitPattern, into: &out)
        case .string, .binary:
            let b = column.bytes(at: i)
            appendWord(UInt64(b.count), into: &out)
            out.append(contentsOf: b)
        default:
            if let width = column.type.fixedWidth {
                let base = column.values!.pointer + (column.offset + i) * width
                out.append(contentsOf: UnsafeRawBufferPointer(start: base, count: width))
            } else {
                let text = Array(column.value(at: i).description.utf8)
                appendWord(UInt64(text.count), into: &out)
                out.append(contentsOf: text)
            }
        }
    }

    @inline(__always)
    private static func appendWord<T: FixedWidthInteger>(_ v: T, into out: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
    }
}
