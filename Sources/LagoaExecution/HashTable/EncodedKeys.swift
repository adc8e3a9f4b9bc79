public import LagoaColumnar

/// The key columns of one batch encoded row by row into comparable bytes, with one 64-bit hash per
/// row: what ``KeyHashTable`` inserts and probes.
///
/// Row layout, column after column: a validity byte (1 valid, 0 NULL) then the value: fixed-width
/// types as their bytes (zeros when NULL), booleans as one byte, strings and binaries as a 4-byte
/// length and the bytes. Equal keys give equal bytes, so NULL keys form one group of their own.
public struct EncodedKeys {
    /// Row `i` is `bytes[offsets[i]..<offsets[i + 1]]`.
    public var bytes: [UInt8]
    public var offsets: [Int]
    public var hashes: [UInt64]
    /// `true` for rows where some key is NULL (joins never match them).
    public var hasNull: [Bool]
    public var rowCount: Int { hashes.count }

    /// Wraps already encoded rows.
    public init(bytes: [UInt8], offsets: [Int], hashes: [UInt64], hasNull: [Bool]) {
        self.bytes = bytes
        self.offsets = offsets
        self.hashes = hashes
        self.hasNull = hasNull
    }

    /// Encodes `columns` (all of `rowCount` values).
    /// - Throws: ``ExecutionError/Code/unsupported`` for nested key types.
    public init(_ columns: [Column], rowCount n: Int) throws {
        if columns.count == 1, columns[0].type != .boolean, let w = columns[0].type.fixedWidth {
            self = Self.singleFixedWidth(columns[0], width: w, rowCount: n)
            return
        }
        var widths = [Int](repeating: 0, count: n)
        var fixed = 0
        for column in columns {
            switch column.type {
            case .boolean: fixed += 2
            case .string, .binary:
                fixed += 5
                let o = column.offsets
                for i in 0..<n { widths[i] += Int(o[i + 1] - o[i]) }
            default:
                guard let w = column.type.fixedWidth else {
                    throw ExecutionError(.unsupported, "grouping or joining on a \(column.type) key is not supported yet; cast it to a string")
                }
                fixed += 1 + w
            }
        }
        var offsets = [Int](repeating: 0, count: n + 1)
        var total = 0
        for i in 0..<n {
            offsets[i] = total
            total += fixed + widths[i]
        }
        offsets[n] = total
        var bytes = [UInt8](repeating: 0, count: total + 8)
        var hasNull = [Bool](repeating: false, count: n)
        var cursor = offsets
        bytes.withUnsafeMutableBytes { raw in
            let base = raw.baseAddress!
            for column in columns {
                Self.encode(column, into: base, cursor: &cursor, hasNull: &hasNull)
            }
        }
        var hashes = [UInt64](repeating: 0, count: n)
        bytes.withUnsafeBytes { raw in
            for i in 0..<n {
                hashes[i] = KeyHash.hash(raw.baseAddress! + offsets[i], count: offsets[i + 1] - offsets[i])
            }
        }
        self.bytes = bytes
        self.offsets = offsets
        self.hashes = hashes
        self.hasNull = hasNull
    }

    /// The common case of one integer, date or decimal key: the same bytes and hashes as the
    /// general path, written in one pass without per-row width and cursor arrays.
    private static func singleFixedWidth(_ column: Column, width w: Int, rowCount n: Int) -> EncodedKeys {
        let stride = 1 + w
        let offsets = (0...n).map { $0 * stride }
        var bytes = [UInt8](repeating: 0, count: n * stride + 8)
        var hashes = [UInt64](repeating: 0, count: n)
        var hasNull = [Bool](repeating: false, count: n)
        let nullable = column.nullCount > 0
        let src = column.values!.pointer + column.offset * w
        bytes.withUnsafeMutableBytes { raw in
            let base = raw.baseAddress!
            hashes.withUnsafeMutableBufferPointer { h in
                for i in 0..<n {
                    let row = base + i * stride
                    if !nullable || column.isValid(i) {
                        row.storeBytes(of: 1, as: UInt8.self)
                        (row + 1).copyMemory(from: src + i * w, byteCount: w)
                    } else {
                        hasNull[i] = true
                    }
                    h[i] = KeyHash.hash(UnsafeRawPointer(row), count: stride)
                }
            }
        }
        return EncodedKeys(bytes: bytes, offsets: offsets, hashes: hashes, hasNull: hasNull)
    }

    private static func encode(_ column: Column, into base: UnsafeMutableRawPointer, cursor: inout [Int], hasNull: inout [Bool]) {
        let n = column.count
        let nullable = column.nullCount > 0
        switch column.type {
        case .boolean:
            for i in 0..<n {
                let valid = !nullable || column.isValid(i)
                base.storeBytes(of: valid ? 1 : 0, toByteOffset: cursor[i], as: UInt8.self)
                if valid {
                    base.storeBytes(of: column.bool(at: i) ? 1 : 0, toByteOffset: cursor[i] + 1, as: UInt8.self)
                } else {
                    hasNull[i] = true
                }
                cursor[i] += 2
            }
        case .string, .binary:
            let o = column.offsets
            let data = column.data?.pointer
            for i in 0..<n {
                let valid = !nullable || column.isValid(i)
                let length = valid ? Int(o[i + 1] - o[i]) : 0
                base.storeBytes(of: valid ? 1 : 0, toByteOffset: cursor[i], as: UInt8.self)
                base.storeBytes(of: UInt32(length), toByteOffset: cursor[i] + 1, as: UInt32.self)
                if length > 0 { (base + cursor[i] + 5).copyMemory(from: data! + Int(o[i]), byteCount: length) }
                if !valid { hasNull[i] = true }
                cursor[i] += 5 + length
            }
        default:
            let w = column.type.fixedWidth!
            let src = column.values!.pointer + column.offset * w
            for i in 0..<n {
                let valid = !nullable || column.isValid(i)
                base.storeBytes(of: valid ? 1 : 0, toByteOffset: cursor[i], as: UInt8.self)
                if valid {
                    (base + cursor[i] + 1).copyMemory(from: src + i * w, byteCount: w)
                } else {
                    hasNull[i] = true
                }
                cursor[i] += 1 + w
            }
        }
    }
}

/// A fast 64-bit hash of a byte range (word at a time, multiply-xorshift mixing).
enum KeyHash {
    @inline(__always)
    static func hash(_ p: UnsafeRawPointer, count: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        var i = 0
        while i + 8 <= count {
            h = (h ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        if i < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < count {
                tail |= UInt64(p.load(fromByteOffset: i, as: UInt8.self)) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }

    @inline(__always)
    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Bool {
        var i = 0
        while i + 8 <= count {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        while i < count {
            if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
            i += 1
        }
        return true
    }
}
