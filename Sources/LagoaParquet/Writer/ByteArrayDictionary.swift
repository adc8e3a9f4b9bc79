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
/// most half full; a value's bytes are hashed once and compared only when the hashes agree.
final class ByteArrayDictionary {
    private struct Slot {
        var hash: UInt64
        /// The entry number, or -1 for an empty slot.
        var id: Int32
    }

    /// The value width of FIXED_LEN_BYTE_ARRAY entries, `nil` for BYTE_ARRAY.
    let fixedWidth: Int?
    /// `count + 1` offsets into ``data``.
    private var offsets = MutableBuffer(capacity: 8 * 1024)
    private var data = MutableBuffer(capacity: 16 * 1024)
    private(set) var count = 0
    private var slots: UnsafeMutablePointer<Slot>
    private var shift: UInt64

    /// Creates an empty dictionary.
    init(fixedWidth: Int?) {
        self.fixedWidth = fixedWidth
        offsets.append(Int64(0))
        let capacity = 2048
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(hash: 0, id: -1), count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    deinit {
        slots.deallocate()
    }

    /// The size of the dictionary page's PLAIN values.
    var plainSize: Int { data.count + (fixedWidth == nil ? 4 * count : 0) }

    private var capacity: Int { 1 << (64 - Int(shift)) }

    /// Looks up (inserting when new) physical values `range`, writing their entry numbers to `out`.
    /// - Complexity: O(bytes of the values) expected.
    func insert(_ values: PhysicalValues, _ range: Range<Int>, into out: UnsafeMutablePointer<UInt32>) {
        var k = 0
        for i in range {
            let value = values.bytes(at: i)
            let start = value.baseAddress ?? UnsafeRawPointer(data.pointer)
            let h = ByteHash.hash(start, value.count)
            var s = Int(truncatingIfNeeded: h >> shift)
            let mask = capacity - 1
            while true {
                let id = slots[s].id
                if id < 0 {
                    out[k] = UInt32(count)
                    add(start, value.count, hash: h, at: s)
                    break
                }
                if slots[s].hash == h && matches(Int(id), start, value.count) {
                    out[k] = UInt32(id)
                    break
                }
                s = (s + 1) & mask
            }
            k += 1
        }
    }

    @inline(__always)
    private func matches(_ id: Int, _ bytes: UnsafeRawPointer, _ length: Int) -> Bool {
        let o = offsets.typed(Int64.self)
        let start = Int(o[id])
        guard Int(o[id + 1]) - start == length else { return false }
        return length == 0 || memcmp(data.pointer + start, bytes, length) == 0
    }

    private func add(_ bytes: UnsafeRawPointer, _ length: Int, hash: UInt64, at s: Int) {
        data.append(UnsafeRawBufferPointer(start: bytes, count: length))
        offsets.append(Int64(data.count))
        slots[s] = Slot(hash: hash, id: Int32(count))
        count += 1
        if count * 2 > capacity { grow() }
    }

    private func grow() {
        let newCapacity = capacity * 2
        let old = slots
        let oldCapacity = capacity
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

    /// Appends the entries PLAIN-encoded: length-prefixed for BYTE_ARRAY, back to back for
    /// FIXED_LEN_BYTE_ARRAY.
    /// - Complexity: O(count + bytes).
    func encodePlain(into out: inout MutableBuffer) throws(ParquetError) {
        if fixedWidth != nil {
            out.append(UnsafeRawBufferPointer(start: data.pointer, count: data.count))
            return
        }
        let o = UnsafeBufferPointer(start: offsets.typed(Int64.self), count: count + 1)
        try PlainEncoder.encodeByteArrays(offsets: o, bytes: UnsafeRawPointer(data.pointer), into: &out)
    }
}

/// A fast 64-bit hash of a byte string (8 bytes per multiply, overlapping loads for the tail).
enum ByteHash {
    @inline(__always)
    private static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let x = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
        return x ^ (x >> 29)
    }

    /// The hash of `length` bytes at `bytes`.
    /// - Complexity: O(length).
    @inline(__always)
    static func hash(_ bytes: UnsafeRawPointer, _ length: Int) -> UInt64 {
        var h = 0x243F_6A88_85A3_08D3 ^ UInt64(truncatingIfNeeded: length)
        var i = 0
        while i + 8 <= length {
            h = mix(h, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        let rest = length - i
        if rest >= 4 {
            let a = UInt64(bytes.loadUnaligned(fromByteOffset: i, as: UInt32.self))
            let b = UInt64(bytes.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self))
            h = mix(h, a << 32 | b)
        } else if rest > 0 {
            let p = bytes.assumingMemoryBound(to: UInt8.self)
            let word = UInt64(p[i]) << 16 | UInt64(p[i + rest / 2]) << 8 | UInt64(p[length - 1])
            h = mix(h, word)
        }
        h ^= h >> 32
        h &*= 0xD6E8_FEB8_6659_FD93
        return h ^ (h >> 32)
    }
}
