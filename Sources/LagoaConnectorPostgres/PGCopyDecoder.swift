import LagoaColumnar

/// Decodes PostgreSQL's binary COPY stream (https://www.postgresql.org/docs/current/sql-copy.html,
/// "Binary Format") straight into column builders: big-endian loads from libpq's buffer, no
/// per-value allocation except for text.
struct PGCopyDecoder {
    let kinds: [PGValueKind]
    private var sawHeader = false
    private(set) var finished = false

    init(kinds: [PGValueKind]) {
        self.kinds = kinds
    }

    /// A value that does not fit its column, or a malformed stream.
    struct Failure: Error {
        var column: Int?
        var message: String
    }

    static let signature: [UInt8] = [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00]
    /// Microseconds and days between 1970-01-01 and PostgreSQL's epoch, 2000-01-01.
    static let epochMicros: Int64 = 946_684_800_000_000
    static let epochDays: Int32 = 10_957

    /// Decodes every row of one chunk; returns how many rows were appended.
    mutating func decode(_ base: UnsafeRawPointer, count: Int, into builders: [ColumnBuilder]) throws(Failure) -> Int {
        var at = 0
        if !sawHeader {
            guard count >= 19, Self.signature.indices.allSatisfy({ base.load(fromByteOffset: $0, as: UInt8.self) == Self.signature[$0] }) else {
                throw Failure(message: "the COPY stream does not start with PostgreSQL's binary signature")
            }
            let extensionLength = Int(Self.u32(base, 15))
            at = 19 + extensionLength
            sawHeader = true
        }
        var rows = 0
        return try kinds.withUnsafeBufferPointer { kinds throws(Failure) -> Int in
            try builders.withUnsafeBufferPointer { builders throws(Failure) -> Int in
                try decodeRows(base, count, &at, &rows, kinds, builders)
                return rows
            }
        }
    }

    private mutating func decodeRows(
        _ base: UnsafeRawPointer, _ count: Int, _ at: inout Int, _ rows: inout Int,
        _ kinds: UnsafeBufferPointer<PGValueKind>, _ builders: UnsafeBufferPointer<ColumnBuilder>
    ) throws(Failure) {
        while at + 2 <= count {
            let fields = Int(Int16(bitPattern: Self.u16(base, at)))
            at += 2
            if fields == -1 {
                finished = true
                return
            }
            guard fields == kinds.count else {
                throw Failure(message: "a row has \(fields) fields where \(kinds.count) were expected")
            }
            for column in 0..<fields {
                guard at + 4 <= count else { throw Failure(column: column, message: "the row is cut short") }
                let length = Int(Int32(bitPattern: Self.u32(base, at)))
                at += 4
                let builder = builders[column]
                if length < 0 {
                    builder.appendNull()
                    continue
                }
                guard at + length <= count else { throw Failure(column: column, message: "the row is cut short") }
                do {
                    try Self.append(kinds[column], base + at, length, builder)
                } catch {
                    throw Failure(column: column, message: error.message)
                }
                at += length
            }
            rows += 1
        }
    }

    // MARK: Values

    @inline(__always) static func u16(_ p: UnsafeRawPointer, _ at: Int) -> UInt16 { p.loadUnaligned(fromByteOffset: at, as: UInt16.self).bigEndian }
    @inline(__always) static func u32(_ p: UnsafeRawPointer, _ at: Int) -> UInt32 { p.loadUnaligned(fromByteOffset: at, as: UInt32.self).bigEndian }
    @inline(__always) static func u64(_ p: UnsafeRawPointer, _ at: Int) -> UInt64 { p.loadUnaligned(fromByteOffset: at, as: UInt64.self).bigEndian }

    struct ValueError: Error {
        var message: String
    }

    static func append(_ kind: PGValueKind, _ p: UnsafeRawPointer, _ n: Int, _ builder: ColumnBuilder) throws(ValueError) {
        switch kind {
        case .int2: builder.appendFixed(Int16(bitPattern: u16(p, 0)))
        case .int4: builder.appendFixed(Int32(bitPattern: u32(p, 0)))
        case .int8: builder.appendFixed(Int64(bitPattern: u64(p, 0)))
        case .float4: builder.appendFixed(Float(bitPattern: u32(p, 0)))
        case .float8: builder.appendFixed(Double(bitPattern: u64(p, 0)))
        case .bool: builder.appendBool(p.load(as: UInt8.self) != 0)
        case .text, .bytea: builder.appendBytes(UnsafeRawBufferPointer(start: p, count: n))
        case .jsonb: builder.appendBytes(UnsafeRawBufferPointer(start: p + 1, count: max(0, n - 1)))
        case .date:
            let days = Int32(bitPattern: u32(p, 0))
            guard days != Int32.max && days != Int32.min else { throw ValueError(message: "date \(days == Int32.max ? "infinity" : "-infinity") has no Lagoa value; filter or cast it in a source view") }
            builder.appendFixed(days &+ epochDays)
        case .time: builder.appendFixed(Int64(bitPattern: u64(p, 0)))
        case .timestamp, .timestamptz:
            let micros = Int64(bitPattern: u64(p, 0))
            guard micros != Int64.max && micros != Int64.min else { throw ValueError(message: "timestamp \(micros == Int64.max ? "infinity" : "-infinity") has no Lagoa value; filter or cast it in a source view") }
            let (shifted, overflow) = micros.addingReportingOverflow(epochMicros)
            guard !overflow else { throw ValueError(message: "timestamp out of range") }
            builder.appendFixed(shifted)
        case .interval:
            builder.appendString(interval(micros: Int64(bitPattern: u64(p, 0)), days: Int32(bitPattern: u32(p, 8)), months: Int32(bitPattern: u32(p, 12))))
        case .uuid:
            builder.appendString(uuid(p))
        case .numeric(let precision, let scale):
            builder.appendFixed(try numeric(p, n, precision: precision, scale: scale))
        case .array(let element):
            try array(element, p, n, builder)
        }
    }

    /// A numeric as `unscaled × 10^-scale`, exactly.
    static func numeric(_ p: UnsafeRawPointer, _ n: Int, precision: Int, scale: Int) throws(ValueError) -> Int128 {
        let digits = Int(u16(p, 0)), weight = Int(Int16(bitPattern: u16(p, 2))), sign = u16(p, 4)
        switch sign {
        case 0xC000: throw ValueError(message: "numeric NaN has no decimal value; cast the column to text in a source view")
        case 0xD000, 0xF000: throw ValueError(message: "numeric \(sign == 0xD000 ? "Infinity" : "-Infinity") has no decimal value; cast the column to text in a source view")
        default: break
        }
        // value = Σ digit[i] · 10000^(weight − i); unscaled = value · 10^scale.
        var unscaled: Int128 = 0
        var exponent = scale + 4 * (weight - digits + 1)  // power of ten applied after the digits
        var dropped = false
        for i in 0..<digits {
            let digit = Int128(u16(p, 8 + 2 * i))
            let (times, o1) = unscaled.multipliedReportingOverflow(by: 10_000)
            let (plus, o2) = times.addingReportingOverflow(digit)
            guard !o1 && !o2 else { throw tooWide(p, n, precision, scale) }
            unscaled = plus
        }
        while exponent > 0 {
            let (times, overflow) = unscaled.multipliedReportingOverflow(by: 10)
            guard !overflow else { throw tooWide(p, n, precision, scale) }
            unscaled = times
            exponent -= 1
        }
        while exponent < 0 {
            if unscaled % 10 != 0 { dropped = true }
            unscaled /= 10
            exponent += 1
        }
        if dropped {
            throw ValueError(message: "numeric \(text(p, n)) has more than \(scale) decimal places, which decimal(\(precision), \(scale)) cannot hold exactly; read unconstrained numerics as string (unconstrained_numeric: string)")
        }
        guard unscaled.magnitude < pow10(precision) else { throw tooWide(p, n, precision, scale) }
        return sign == 0x4000 ? -unscaled : unscaled
    }

    private static func tooWide(_ p: UnsafeRawPointer, _ n: Int, _ precision: Int, _ scale: Int) -> ValueError {
        ValueError(message: "numeric \(text(p, n)) does not fit decimal(\(precision), \(scale)); read unconstrained numerics as string (unconstrained_numeric: string) or constrain the column")
    }

    private static func pow10(_ n: Int) -> UInt128 {
        var v: UInt128 = 1
        for _ in 0..<n { v *= 10 }
        return v
    }

    /// The decimal text of a binary numeric, for messages.
    static func text(_ p: UnsafeRawPointer, _ n: Int) -> String {
        let digits = Int(u16(p, 0)), weight = Int(Int16(bitPattern: u16(p, 2))), sign = u16(p, 4), dscale = Int(u16(p, 6))
        var integer = "", fraction = ""
        for i in 0..<max(digits, weight + 1) {
            let d = i < digits ? Int(u16(p, 8 + 2 * i)) : 0
            let four = String(d).count < 4 ? String(repeating: "0", count: 4 - String(d).count) + String(d) : String(d)
            if i <= weight { integer += four } else { fraction += four }
        }
        if weight < 0 { fraction = String(repeating: "0000", count: -weight - 1) + fraction }
        while integer.count > 1 && integer.first == "0" { integer.removeFirst() }
        if integer.isEmpty { integer = "0" }
        fraction = String(fraction.prefix(dscale)) + String(repeating: "0", count: max(0, dscale - fraction.count))
        return (sign == 0x4000 ? "-" : "") + integer + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// ISO 8601 duration as PostgreSQL's `intervalstyle = iso_8601` writes it.
    static func interval(micros: Int64, days: Int32, months: Int32) -> String {
        var out = "P"
        let years = months / 12, restMonths = months % 12
        if years != 0 { out += "\(years)Y" }
        if restMonths != 0 { out += "\(restMonths)M" }
        if days != 0 { out += "\(days)D" }
        if micros != 0 {
            out += "T"
            let hours = micros / 3_600_000_000
            let minutes = (micros % 3_600_000_000) / 60_000_000
            let secondsMicros = micros % 60_000_000
            if hours != 0 { out += "\(hours)H" }
            if minutes != 0 { out += "\(minutes)M" }
            if secondsMicros != 0 {
                let whole = secondsMicros / 1_000_000, fraction = abs(secondsMicros % 1_000_000)
                var text = (secondsMicros < 0 && whole == 0 ? "-" : "") + "\(whole)"
                if fraction != 0 {
                    var f = String(fraction)
                    f = String(repeating: "0", count: 6 - f.count) + f
                    while f.last == "0" { f.removeLast() }
                    text += "." + f
                }
                out += text + "S"
            }
        }
        return out == "P" ? "PT0S" : out
    }

    static func uuid(_ p: UnsafeRawPointer) -> String {
        let hex = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(36)
        for i in 0..<16 {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append("-") }
            let byte = p.load(fromByteOffset: i, as: UInt8.self)
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 15)])
        }
        return out
    }

    private static func array(_ element: PGValueKind, _ p: UnsafeRawPointer, _ n: Int, _ builder: ColumnBuilder) throws(ValueError) {
        let dimensions = Int(Int32(bitPattern: u32(p, 0)))
        let child = builder.children[0]
        guard dimensions > 0 else {
            builder.appendListEnd()
            return
        }
        guard dimensions == 1 else {
            throw ValueError(message: "a \(dimensions)-dimensional array cannot be a list; cast the column to text (or unnest it) in a source view")
        }
        let count = Int(Int32(bitPattern: u32(p, 12)))
        var at = 20
        for _ in 0..<count {
            let length = Int(Int32(bitPattern: u32(p, at)))
            at += 4
            if length < 0 {
                child.appendNull()
                continue
            }
            try append(element, p + at, length, child)
            at += length
        }
        builder.appendListEnd()
    }
}
