import LagoaColumnar

/// A dictionary of fixed-width physical values of up to `Key`'s size (INT32, INT64, FLOAT, DOUBLE,
/// FIXED_LEN_BYTE_ARRAY of up to 16 bytes), keyed by their bit patterns so that -0.0, +0.0 and
/// different NaNs stay distinct, as Parquet's PLAIN dictionary page stores them.
///
/// The table is open-addressing with linear probing over a power-of-two array of slots, each
/// holding a key and its entry number, kept at most half full; slots are chosen by Fibonacci
/// hashing (multiply by 2^64/φ and take the top bits).
final class FixedWidthDictionary<Key: FixedWidthInteger & UnsignedInteger> {
    private struct Slot {
        var key: Key
        /// The entry number, or -1 for an empty slot.
        var id: Int32
    }

    /// Bytes of one physical value (at most `Key`'s size).
    let width: Int
    /// The entries in insertion order.
    private var entries: UnsafeMutablePointer<Key>
    private var entryCapacity: Int
    private(set) var count = 0
    private var slots: UnsafeMutablePointer<Slot>
    private var shift: UInt64

    /// Creates an empty dictionary for values of `width` bytes.
    init(width: Int) {
        precondition(width > 0 && width <= MemoryLayout<Key>.size, "width \(width) does not fit in \(Key.self)")
        self.width = width
        entryCapacity = 1024
        entries = .allocate(capacity: entryCapacity)
        let capacity = 2048
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(key: 0, id: -1), count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    deinit {
        entries.deallocate()
        slots.deallocate()
    }

    /// The size of the dictionary page's PLAIN values.
    var plainSize: Int { count * width }

    private var capacity: Int { 1 << (64 - Int(shift)) }

    @inline(__always)
    private func slot(for key: Key) -> Int {
        var h = UInt64(truncatingIfNeeded: key)
        if Key.bitWidth > 64 {
            h ^= UInt64(truncatingIfNeeded: key >> 64) &* 0xC2B2_AE3D_27D4_EB4F
        }
        return Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always)
    private func load(_ base: UnsafeRawPointer, _ i: Int) -> Key {
        if width == MemoryLayout<Key>.size {
            return base.loadUnaligned(fromByteOffset: i * width, as: Key.self)
        }
        var key: Key = 0
        withUnsafeMutableBytes(of: &key) { $0.baseAddress!.copyMemory(from: base + i * width, byteCount: width) }
        return key
    }

    /// Looks up (inserting when new) physical values `range`, writing their entry numbers to `out`.
    /// - Complexity: O(range.count) expected.
    func insert(_ values: PhysicalValues, _ range: Range<Int>, into out: UnsafeMutablePointer<UInt32>) {
        let base = values.base
        var k = 0
        for i in range {
            let key = load(base, i)
            var s = slot(for: key)
            let mask = capacity - 1
            while true {
                let id = slots[s].id
                if id < 0 {
                    out[k] = UInt32(count)
                    add(key, at: s)
                    break
                }
                if slots[s].key == key {
                    out[k] = UInt32(id)
                    break
                }
                s = (s + 1) & mask
            }
            k += 1
        }
    }

    private func add(_ key: Key, at s: Int) {
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

    private func grow() {
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

    /// Appends the entries PLAIN-encoded (the low `width` bytes of each, little-endian order as
    /// they were loaded).
    /// - Complexity: O(count × width).
    func encodePlain(into out: inout MutableBuffer) {
        if width == MemoryLayout<Key>.size {
            out.append(UnsafeRawBufferPointer(start: entries, count: count * width))
            return
        }
        out.reserve(count * width)
        for id in 0..<count {
            withUnsafeBytes(of: entries[id]) { bytes in
                (out.pointer + out.count).copyMemory(from: bytes.baseAddress!, byteCount: width)
            }
            out.count += width
        }
    }
}
