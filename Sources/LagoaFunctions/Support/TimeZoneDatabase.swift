#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// IANA time zones read from the system's TZif files (`/usr/share/zoneinfo`), parsed once and
/// cached. Offsets come from the files' 64-bit transition tables; instants after the last
/// transition (2037 in "fat" files) keep the last offset.
final class TimeZoneDatabase: Sendable {
    static let shared = TimeZoneDatabase(root: "/usr/share/zoneinfo")

    /// One zone: transition instants (UTC seconds) and the UTC offset in force from each.
    struct Zone: Sendable {
        var transitions: [Int64]
        var offsets: [Int64]
        /// The offset before the first transition.
        var initialOffset: Int64

        /// The UTC offset (seconds) in force at the UTC instant `seconds`.
        func offset(atUTC seconds: Int64) -> Int64 {
            var lo = 0, hi = transitions.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if transitions[mid] <= seconds { lo = mid + 1 } else { hi = mid }
            }
            return lo == 0 ? initialOffset : offsets[lo - 1]
        }

        /// The UTC offset for a local wall-clock time (seconds): the offset `o` with
        /// `local − o` mapping back to it; in a gap or overlap the earlier offset wins.
        func offset(atLocal seconds: Int64) -> Int64 {
            let guess = offset(atUTC: seconds - offset(atUTC: seconds))
            let check = offset(atUTC: seconds - guess)
            return check == guess ? guess : max(guess, check)
        }
    }

    let root: String
    private let cache = Mutex<[String: Zone]>([:])

    init(root: String) { self.root = root }

    /// The zone named `name` (`UTC`, `America/Sao_Paulo`, …).
    /// - Throws: ``FunctionError`` when there is no such zone.
    func zone(_ name: String) throws -> Zone {
        if let cached = cache.withLock({ $0[name] }) { return cached }
        let upper = name.uppercased()
        if upper == "UTC" || upper == "GMT" || upper == "Z" {
            return Zone(transitions: [], offsets: [], initialOffset: 0)
        }
        guard !name.contains(".."), !name.hasPrefix("/"), let bytes = Self.read(root + "/" + name), let zone = Self.parse(bytes) else {
            throw FunctionError(
                .invalidValue,
                "unknown time zone '\(name)'; use an IANA name such as 'America/Sao_Paulo' or 'UTC'"
            )
        }
        cache.withLock { $0[name] = zone }
        return zone
    }

    private static func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, 4096, file) }
            if n <= 0 { break }
            out.append(contentsOf: chunk[0..<n])
            if out.count > 1 << 20 { return nil }
        }
        return out
    }

    /// Parses a TZif file (version 2 or later: the 64-bit block; version 1: the 32-bit block).
    static func parse(_ b: [UInt8]) -> Zone? {
        func u32(_ o: Int) -> Int? {
            guard o + 4 <= b.count else { return nil }
            return Int(b[o]) << 24 | Int(b[o + 1]) << 16 | Int(b[o + 2]) << 8 | Int(b[o + 3])
        }
        func i64(_ o: Int, width: Int) -> Int64? {
            guard o + width <= b.count else { return nil }
            var v: UInt64 = 0
            for k in 0..<width { v = v << 8 | UInt64(b[o + k]) }
            return width == 4 ? Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: v))) : Int64(bitPattern: v)
        }
        guard b.count >= 44, b[0] == 0x54, b[1] == 0x5A, b[2] == 0x69, b[3] == 0x66 else { return nil }
        let version = b[4]
        func counts(_ base: Int) -> (isut: Int, isstd: Int, leap: Int, time: Int, type: Int, char: Int)? {
            guard let a = u32(base + 20), let c = u32(base + 24), let l = u32(base + 28), let t = u32(base + 32),
                let ty = u32(base + 36), let ch = u32(base + 40)
            else { return nil }
            return (a, c, l, t, ty, ch)
        }
        guard let first = counts(0) else { return nil }
        var base = 0
        var width = 4
        if version >= 0x32 {
            let v1Size = first.time * 4 + first.time + first.type * 6 + first.char + first.leap * 8 + first.isstd + first.isut
            base = 44 + v1Size
            width = 8
        }
        guard let c = counts(base) else { return nil }
        let timesAt = base + 44
        let indicesAt = timesAt + c.time * width
        let typesAt = indicesAt + c.time
        guard typesAt + c.type * 6 <= b.count, c.type > 0 else { return nil }
        var typeOffsets: [Int64] = []
        var typeIsDST: [Bool] = []
        for k in 0..<c.type {
            guard let off = i64(typesAt + k * 6, width: 4) else { return nil }
            typeOffsets.append(off)
            typeIsDST.append(b[typesAt + k * 6 + 4] != 0)
        }
        var transitions: [Int64] = []
        var offsets: [Int64] = []
        for k in 0..<c.time {
            guard let t = i64(timesAt + k * width, width: width) else { return nil }
            let index = Int(b[indicesAt + k])
            guard index < typeOffsets.count else { return nil }
            transitions.append(t)
            offsets.append(typeOffsets[index])
        }
        let initial = typeIsDST.firstIndex(of: false).map { typeOffsets[$0] } ?? typeOffsets[0]
        return Zone(transitions: transitions, offsets: offsets, initialOffset: initial)
    }
}
