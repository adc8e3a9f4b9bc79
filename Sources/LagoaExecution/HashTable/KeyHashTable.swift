public import LagoaColumnar

/// An open-addressing hash table (linear probing, power-of-two slots, load ≤ 1/2) from encoded
/// keys (``EncodedKeys``) to dense group ids `0..<groupCount`. Keys live in one byte arena; each
/// slot holds a group id and the upper 32 bits of its hash (a tag), so probing touches the arena
/// only when the tags agree — one cache miss per probe in the common case — and each group keeps
/// its full hash so growing never rehashes key bytes.
///
/// Used by hash aggregation (group ids) and hash joins (distinct build keys, rows chained per key).
/// The top bits of the hash are free for partitioning (spilling, parallel merge).
public final class KeyHashTable {
    public private(set) var groupCount = 0
    /// `tag << 32 | group id`, or ``emptySlot``.
    private var slots: UnsafeMutablePointer<UInt64>
    private var slotCount: Int
    private var groupHashes: UnsafeMutablePointer<UInt64>
    private var groupOffsets: UnsafeMutablePointer<Int>
    private var groupCapacity: Int
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCount = 0
    private var arenaCapacity: Int

    private static let emptySlot = UInt64.max

    @inline(__always)
    private static func slotValue(_ hash: UInt64, _ group: Int) -> UInt64 {
        (hash & 0xFFFF_FFFF_0000_0000) | UInt64(truncatingIfNeeded: group)
    }

    public init(expectedGroups: Int = 1024) {
        groupCapacity = max(16, expectedGroups)
        slotCount = 1
        while slotCount < groupCapacity * 2 { slotCount <<= 1 }
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: Self.emptySlot, count: slotCount)
        groupHashes = .allocate(capacity: groupCapacity)
        groupOffsets = .allocate(capacity: groupCapacity + 1)
        groupOffsets[0] = 0
        arenaCapacity = max(256, groupCapacity * 16)
        arena = .allocate(capacity: arenaCapacity)
    }

    deinit {
        slots.deallocate()
        groupHashes.deallocate()
        groupOffsets.deallocate()
        arena.deallocate()
    }

    /// Approximate bytes held.
    public var memoryBytes: Int { slotCount * 8 + groupCapacity * 16 + arenaCapacity }

    /// The hash of group `g`.
    public func hash(ofGroup g: Int) -> UInt64 { groupHashes[g] }

    /// The group of every row of `keys`, inserting new keys; writes `keys.rowCount` ids to `groups`.
    public func findOrInsert(_ keys: EncodedKeys, groups: UnsafeMutablePointer<Int32>) {
        let n = keys.rowCount
        reserve(groups: groupCount + n, bytes: arenaCount + keys.offsets[n])
        keys.bytes.withUnsafeBytes { raw in
            keys.offsets.withUnsafeBufferPointer { offsets in
                keys.hashes.withUnsafeBufferPointer { hashes in
                    let base = raw.baseAddress!
                    let mask = slotCount - 1
                    for i in 0..<n {
                        let h = hashes[i]
                        let start = offsets[i]
                        let length = offsets[i + 1] - start
                        var slot = Int(truncatingIfNeeded: h) & mask
                        let tag = h & 0xFFFF_FFFF_0000_0000
                        while true {
                            let v = slots[slot]
                            if v == Self.emptySlot {
                                let id = Int32(truncatingIfNeeded: groupCount)
                                slots[slot] = Self.slotValue(h, groupCount)
                                groupHashes[groupCount] = h
                                (arena + arenaCount).update(from: (base + start).assumingMemoryBound(to: UInt8.self), count: length)
                                arenaCount += length
                                groupCount += 1
                                groupOffsets[groupCount] = arenaCount
                                groups[i] = id
                                break
                            }
                            if v & 0xFFFF_FFFF_0000_0000 == tag {
                                let gi = Int(UInt32(truncatingIfNeeded: v))
                                let gStart = groupOffsets[gi]
                                if groupOffsets[gi + 1] - gStart == length && KeyHash.equal(arena + gStart, base + start, count: length) {
                                    groups[i] = Int32(truncatingIfNeeded: gi)
                                    break
                                }
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
    }

    /// The group of every row of `keys`, or -1 where the key is absent.
    public func find(_ keys: EncodedKeys, groups: UnsafeMutablePointer<Int32>) {
        let n = keys.rowCount
        keys.bytes.withUnsafeBytes { raw in
            keys.offsets.withUnsafeBufferPointer { offsets in
                keys.hashes.withUnsafeBufferPointer { hashes in
                    let base = raw.baseAddress!
                    let mask = slotCount - 1
                    for i in 0..<n {
                        let h = hashes[i]
                        let start = offsets[i]
                        let length = offsets[i + 1] - start
                        var slot = Int(truncatingIfNeeded: h) & mask
                        let tag = h & 0xFFFF_FFFF_0000_0000
                        var found: Int32 = -1
                        while true {
                            let v = slots[slot]
                            if v == Self.emptySlot { break }
                            if v & 0xFFFF_FFFF_0000_0000 == tag {
                                let gi = Int(UInt32(truncatingIfNeeded: v))
                                let gStart = groupOffsets[gi]
                                if groupOffsets[gi + 1] - gStart == length && KeyHash.equal(arena + gStart, base + start, count: length) {
                                    found = Int32(truncatingIfNeeded: gi)
                                    break
                                }
                            }
                            slot = (slot + 1) & mask
                        }
                        groups[i] = found
                    }
                }
            }
        }
    }

    /// The encoded keys of groups `range` (for merging a partial table into another).
    public func keys(_ range: Range<Int>) -> EncodedKeys {
        let start = groupOffsets[range.lowerBound]
        let end = groupOffsets[range.upperBound]
        var bytes = [UInt8](repeating: 0, count: end - start + 8)
        bytes.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: arena + start, count: end - start) }
        let offsets = (range.lowerBound...range.upperBound).map { groupOffsets[$0] - start }
        let hashes = range.map { groupHashes[$0] }
        return EncodedKeys(bytes: bytes, offsets: offsets, hashes: hashes, hasNull: [Bool](repeating: false, count: range.count))
    }

    /// The key columns of every group, in group order, decoded from the arena.
    public func decodeKeys(_ types: [DataType]) -> [Column] {
        var cursor = (0..<groupCount).map { groupOffsets[$0] }
        return types.map { KeyDecoding.decode($0, arena: UnsafeRawPointer(arena), cursor: &cursor) }
    }

    private func reserve(groups needed: Int, bytes neededBytes: Int) {
        if needed > groupCapacity {
            var capacity = groupCapacity
            while capacity < needed { capacity *= 2 }
            let hashes = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
            hashes.update(from: groupHashes, count: groupCount)
            groupHashes.deallocate()
            groupHashes = hashes
            let offsets = UnsafeMutablePointer<Int>.allocate(capacity: capacity + 1)
            offsets.update(from: groupOffsets, count: groupCount + 1)
            groupOffsets.deallocate()
            groupOffsets = offsets
            groupCapacity = capacity
        }
        if neededBytes > arenaCapacity {
            var capacity = arenaCapacity
            while capacity < neededBytes { capacity *= 2 }
            let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            bytes.update(from: arena, count: arenaCount)
            arena.deallocate()
            arena = bytes
            arenaCapacity = capacity
        }
        if needed * 2 > slotCount {
            var count = slotCount
            while count < needed * 2 { count <<= 1 }
            slots.deallocate()
            slotCount = count
            slots = .allocate(capacity: count)
            slots.initialize(repeating: Self.emptySlot, count: count)
            let mask = count - 1
            for g in 0..<groupCount {
                let h = groupHashes[g]
                var slot = Int(truncatingIfNeeded: h) & mask
                while slots[slot] != Self.emptySlot { slot = (slot + 1) & mask }
                slots[slot] = Self.slotValue(h, g)
            }
        }
    }
}
