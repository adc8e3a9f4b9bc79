#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LagoaColumnar

/// A dictionary of BYTE_ARRAY values (or FIXED_LEN_BYTE_ARRAY values wider than 16 bytes).
///
/// Entries live back to back in one byte buffer with `Int64` offsets, so adding one costs a copy
/// of its bytes and nothing else. The table is open-addressing with linear probing over a
/// power-of-two array of slots, each holding the value's 64-bit hash and entry number, kept at
/// most half full; a value's bytes are hashed once and compared only when the hashes agree. As in
/// ``FixedWidthDictionary``, the hot loop works on a local copy of the ``Table``.
final class ByteArrayDictionary {
    struct Slot {
        var hash: UInt64
        /// The entry number, or -1 for an empty slot.
        var id: Int32
    }

    /// The dictionary's memory and counters.
    struct Table {
        /// `count + 1` offsets into ``bytes``.
        var offsets: UnsafeMutablePointer<Int64>
        var offsetCapacity: Int
        var bytes: UnsafeMutableRawPointer
        var byteCapacity: Int
        var count = 0
        var slots: UnsafeMutablePointer<Slot>
        /// 64 minus log2 of the slot count.
        var shift: UInt64

        var capacity: Int { 1 << (64 - Int(shift)) }
        var byteCount: Int { Int(offsets[count]) }

        @inline(__always)
        func matches(_ id: Int, _ value: UnsafeRawPointer, _ length: Int) -> Bool {
            let start = Int(offsets[id])
            guard Int(offsets[id + 1]) - start == length else { return false }
            return length == 0 || memcmp(bytes + start, value, length) == 0
        }

        /// Adds `length` bytes at `value` as a new entry in empty slot `s`.
        mutating func add(_ value: UnsafeRawPointer, _ length: Int, hash: UInt64, at s: Int) {
            let end = byteCount
            if end + length > byteCapacity {
                var newCapacity = byteCapacity * 2
                while newCapacity < end + length { newCapacity *= 2 }
                let bigger = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
                bigger.copyMemory(from: bytes, byteCount: end)
                bytes.deallocate()
                bytes = bigger
                byteCapacity = newCapacity
            }
            if count + 2 > offsetCapacity {
                let bigger = UnsafeMutablePointer<Int64>.allocate(capacity: offsetCapacity * 2)
                bigger.moveInitialize(from: offsets, count: count + 1)
                offsets.deallocate()
                offsets = bigger
                offsetCapacity *= 2
            }
            if length > 0 { (bytes + end).copyMemory(from: value, byteCount: length) }
            offsets[count + 1] = Int64(end + length)
            slots[s] = Slot(hash: hash, id: Int32(count))
            count += 1
            if count * 2 > capacity { grow() }
        }

        /// Doubles the slot array and re-inserts every slot by its stored hash.
        mutating func grow() {
            let old = slots
            let oldCapacity = capacity
            let newCapacity = oldCapacity * 2
            slots = .allocate(capacity: newCapacity)
            slots.initialize(repeating: Slot(hash: 0, id: -1), count: newCapacity)
            shift -= 1
            let mask = newCapacity - 1
            for j in 0..<oldCapacity where old[j].id >= 0 {
                var s = Int(truncatingIfNeeded: old[j].hash >> shift)
                while slots[s].id >= 0 { s = (s + 1) & mask }
                slots[s] = old[j]
            }
            old.deallocate()
        }
    }

    /// The value width of FIXED_LEN_BYTE_ARRAY entries, `nil` for BYTE_ARRAY.
    let fixedWidth: Int?
    private var table: Table

    /// Creates an empty dictionary.
    init(fixedWidth: Int?) {
        self.fixedWidth = fixedWidth
        let capacity = 2048
        let slots = UnsafeMutablePointer<Slot>.allocate(capacity: capacity)
        slots.initialize(repeating: Slot(hash: 0, id: -1), count: capacity)
        let offsets = UnsafeMutablePointer<Int64>.allocate(capacity: 1024)
        offsets[0] = 0
        table = Table(
            offsets: offsets, offsetCapacity: 1024, bytes: .allocate(byteCount: 16 * 1024, alignment: 16),
            byteCapacity: 16 * 1024, slots: slots, shift: UInt64(64 - capacity.trailingZeroBitCount))
    }

    deinit {
        table.offsets.deallocate()
        table.bytes.deallocate()
        table.slots.deallocate()
    }

    /// Number of entries.
    var count: Int { table.count }

    /// The size of the dictionary page's PLAIN values.
    var plainSize: Int { table.byteCount + (fixedWidth == nil ? 4 * table.count : 0) }

    /// Looks up (inserting when new) physical values `range`, writing their entry numbers to `out`.
    /// - Complexity: O(bytes of the values) expected.
    func insert(_ values: PhysicalValues, _ range: Range<Int>, into out: UnsafeMutablePointer<UInt32>) {
        var t = table
        defer { table = t }
        var k = 0
        for i in range {
            let value = values.bytes(at: i)
            let start = value.baseAddress ?? UnsafeRawPointer(t.bytes)
            let h = ByteHash.hash(start, value.count)
            var s = Int(truncatingIfNeeded: h >> t.shift)
            let mask = t.capacity - 1
            while true {
                let id = t.slots[s].id
                if id < 0 {
                    out[k] = UInt32(t.count)
                    t.add(start, value.count, hash: h, at: s)
                    break
                }
                if t.slots[s].hash == h && t.matches(Int(id), start, value.count) {
                    out[k] = UInt32(id)
                    break
                }
                s = (s + 1) & mask
            }
            k += 1
        }
    }

    /// Appends the entries PLAIN-encoded: length-prefixed for BYTE_ARRAY, back to back for
    /// FIXED_LEN_BYTE_ARRAY.
    /// - Complexity: O(count + bytes).
    func encodePlain(into out: inout MutableBuffer) throws(ParquetError) {
        let t = table
        if fixedWidth != nil {
            out.append(UnsafeRawBufferPointer(start: t.bytes, count: t.byteCount))
            return
        }
        let offsets = UnsafeBufferPointer(start: t.offsets, count: t.count + 1)
        try PlainEncoder.encodeByteArrays(offsets: offsets, bytes: UnsafeRawPointer(t.bytes), into: &out)
    }
}
