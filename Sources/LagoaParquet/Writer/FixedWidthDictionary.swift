import LagoaColumnar

/// A dictionary of fixed-width physical values of up to `Key`'s size (INT32, INT64, FLOAT, DOUBLE,
/// FIXED_LEN_BYTE_ARRAY of up to 16 bytes), keyed by their bit patterns so that -0.0, +0.0 and
/// different NaNs stay distinct, as Parquet's PLAIN dictionary page stores them.
///
/// The table is open-addressing with linear probing over a power-of-two array of slots, each
/// holding a key and its entry number, kept at most half full; slots are chosen by Fibonacci
/// hashing (multiply by 2^64/φ and take the top bits). The class only owns the memory; the hot
/// loop runs on a copy of its pointers in a local ``Table`` so that no access is checked for
/// exclusivity at run time.
final class FixedWidthDictionary<Key: FixedWidthInteger & UnsignedInteger> {
    struct Slot {
        var key: Key
        /// The entry number, or -1 for an empty slot.
        var id: Int32
    }

    /// The dictionary's memory and counters.
    struct Table {
        /// Bytes of one physical value (at most `Key`'s size).
        let width: Int
        /// The entries in insertion order.
        var entries: UnsafeMutablePointer<Key>
        var entryCapacity: Int
        var count = 0
        var slots: UnsafeMutablePointer<Slot>
        /// 64 minus log2 of the slot count.
        var shift: UInt64

        var capacity: Int { 1 << (64 - Int(shift)) }

        @inline(__always)
        func slot(for key: Key) -> Int {
            var h = UInt64(truncatingIfNeeded: key)
            if Key.bitWidth > 64 {
                h ^= UInt64(truncatingIfNeeded: key >> 64) &* 0xC2B2_AE3D_27D4_EB4F
            }
            return Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }

        /// Adds `key` as a new entry in empty slot `s`.
        @inline(__always)
        mutating func add(_ key: Key, at s: Int) {
            if count == entryCapacity {
                let bigger = UnsafeMutablePointer<Key>.allocate(capacity: entryCapacity * 2)
                bigger.moveInitialize(from: entries, count: count)
                entries.deallocate()
                entries = bigger
                entryCapacity *= 2
            }
            entries[count] = key
            slots[s] = Slot(key: key, id: Int32(count))
            count += 1
            if count * 2 > capacity { grow() }
        }

        /// Doubles the slot array and re-inserts every entry.
        mutating func grow() {
            let newCapacity = capacity * 2
            slots.deallocate()
            slots = .allocate(capacity: newCapacity)
            slots.initialize(repeating: Slot(key: 0, id: -1), count: newCapacity)
            shift -= 1
            let mask = newCapacity - 1
            for id in 0..<count {
                var s = slot(for: entries[id])
                while slots[s].id >= 0 { s = (s + 1) & mask }
                slots[s] = Slot(key: entries[id], id: Int32(id))
            }
        }
    }

    private var table: Table

    /// Creates an empty dictionary for values of `width` bytes.
    init(width: Int) {
        precondition(width > 0 && width <= MemoryLayout<Key>.size, "width \(width) does not fit in \(Key.self)")
        let capacity = 2048
        let slots = UnsafeMutablePointer<Slot>.allocate(capacity: capacity)
        slots.initialize(repeating: Slot(key: 0, id: -1), count: capacity)
        table = Table(
            width: width, entries: .allocate(capacity: 1024), entryCapacity: 1024, slots: slots,
            shift: UInt64(64 - capacity.trailingZeroBitCount))
    }

    deinit {
        table.entries.deallocate()
        table.slots.deallocate()
    }

    /// Number of entries.
    var count: Int { table.count }

    /// The size of the dictionary page's PLAIN values.
    var plainSize: Int { table.count * table.width }

    /// Looks up (inserting when new) physical values `range`, writing their entry numbers to `out`.
    /// - Complexity: O(range.count) expected.
    func insert(_ values: PhysicalValues, _ range: Range<Int>, into out: UnsafeMutablePointer<UInt32>) {
        var t = table
        defer { table = t }
        let base = values.base
        let width = t.width
        let full = width == MemoryLayout<Key>.size
        // Values below this index can be loaded with one word read that stays inside the buffer.
        let size = MemoryLayout<Key>.size
        let wordSafe = full ? range.upperBound : (values.count * width >= size ? (values.count * width - size) / width + 1 : 0)
        let mask: Key = full ? ~0 : (Key(1) << (8 * width)) &- 1
        var k = 0
        for i in range {
            var key: Key
            if full || i < wordSafe {
                key = base.loadUnaligned(fromByteOffset: i * width, as: Key.self) & mask
            } else {
                key = 0
                withUnsafeMutableBytes(of: &key) { $0.baseAddress!.copyMemory(from: base + i * width, byteCount: width) }
            }
            var s = t.slot(for: key)
            let slotMask = t.capacity - 1
            while true {
                let id = t.slots[s].id
                if id < 0 {
                    out[k] = UInt32(t.count)
                    t.add(key, at: s)
                    break
                }
                if t.slots[s].key == key {
                    out[k] = UInt32(id)
                    break
                }
                s = (s + 1) & slotMask
            }
            k += 1
        }
    }

    /// Appends the entries PLAIN-encoded (the low `width` bytes of each, in memory order, as
    /// they were loaded).
    /// - Complexity: O(count × width).
    func encodePlain(into out: inout MutableBuffer) {
        let t = table
        if t.width == MemoryLayout<Key>.size {
            out.append(UnsafeRawBufferPointer(start: t.entries, count: t.count * t.width))
            return
        }
        out.reserve(t.count * t.width)
        for id in 0..<t.count {
            withUnsafeBytes(of: t.entries[id]) { bytes in
                (out.pointer + out.count).copyMemory(from: bytes.baseAddress!, byteCount: t.width)
            }
            out.count += t.width
        }
    }
}
