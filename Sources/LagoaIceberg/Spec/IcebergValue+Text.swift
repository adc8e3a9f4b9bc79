extension IcebergValue {
    /// The form used in partition paths and messages (Java's `Transform.toHumanString`):
    /// `2026-11-20`, `2026-11-20T13:05:00.000001`, `12.50`, hex for binary.
    public var humanString: String {
        switch self {
        case .boolean(let b): b ? "true" : "false"
        case .int(let v): String(v)
        case .long(let v): String(v)
        case .float(let f): String(f)
        case .double(let d): String(d)
        case .decimal(let unscaled, let scale): Self.decimalText(unscaled, scale)
        case .date(let days): Self.dateText(Int64(days))
        case .time(let micros): Self.timeText(micros, fraction: 6)
        case .timestamp(let micros): Self.timestampText(micros, perSecond: 1_000_000, zone: "")
        case .timestamptz(let micros): Self.timestampText(micros, perSecond: 1_000_000, zone: "+00:00")
        case .timestampNs(let nanos): Self.timestampText(nanos, perSecond: 1_000_000_000, zone: "")
        case .timestamptzNs(let nanos): Self.timestampText(nanos, perSecond: 1_000_000_000, zone: "+00:00")
        case .string(let s): s
        case .uuid(let b): Self.uuidText(b)
        case .fixed(let b), .binary(let b): b.map { hex2($0) }.joined()
        }
    }

    /// Parses the text a user writes for a value of `type` (`--partition ingestion_date=2026-11-20`).
    /// - Throws: when the text does not parse as that type.
    public init(parsing text: String, as type: IcebergType) throws(IcebergError) {
        func fail() -> IcebergError {
            IcebergError(.invalidArgument, "cannot read '\(text)' as a \(type) value")
        }
        switch type {
        case .boolean:
            guard text == "true" || text == "false" else { throw fail() }
            self = .boolean(text == "true")
        case .int: guard let v = Int32(text) else { throw fail() }; self = .int(v)
        case .long: guard let v = Int64(text) else { throw fail() }; self = .long(v)
        case .float: guard let v = Float(text) else { throw fail() }; self = .float(v)
        case .double: guard let v = Double(text) else { throw fail() }; self = .double(v)
        case .decimal(_, let scale):
            guard let v = Self.parseDecimal(text, scale: scale) else { throw fail() }
            self = .decimal(unscaled: v, scale: scale)
        case .date:
            guard let days = Self.parseDate(Substring(text)) else { throw fail() }
            self = .date(Int32(days))
        case .timestamp, .timestamptz:
            guard let micros = Self.parseTimestampMicros(text) else { throw fail() }
            self = type == .timestamp ? .timestamp(micros) : .timestamptz(micros)
        case .string: self = .string(text)
        default:
            throw IcebergError(.unsupported, "values of type \(type) cannot be written as text yet")
        }
    }

    static func dateText(_ days: Int64) -> String {
        let d = CivilDate(days: days)
        let year = d.year >= 0 && d.year <= 9999 ? pad(d.year, 4) : (d.year < 0 ? "-" + pad(-d.year, 4) : "+" + String(d.year))
        return "\(year)-\(pad(d.month, 2))-\(pad(d.day, 2))"
    }

    static func timeText(_ micros: Int64, fraction: Int) -> String {
        let seconds = micros / 1_000_000
        let rest = micros % 1_000_000
        var text = "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
        if rest != 0 { text += "." + pad(rest, 6) }
        return text
    }

    static func timestampText(_ value: Int64, perSecond: Int64, zone: String) -> String {
        let perDay = perSecond * 86_400
        let days = floorDiv(value, perDay)
        let inDay = value - days * perDay
        let seconds = inDay / perSecond
        let fraction = inDay % perSecond
        var text = dateText(days) + "T\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
        if fraction != 0 { text += "." + pad(fraction, perSecond == 1_000_000 ? 6 : 9) }
        return text + zone
    }

    static func decimalText(_ unscaled: Int128, _ scale: Int) -> String {
        let negative = unscaled < 0
        var digits = String(negative ? -unscaled : unscaled)
        guard scale > 0 else { return (negative ? "-" : "") + digits }
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        let split = digits.index(digits.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + digits[..<split] + "." + digits[split...]
    }

    static func uuidText(_ b: [UInt8]) -> String {
        let hex = b.map { hex2($0) }
        guard hex.count == 16 else { return hex.joined() }
        return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(separator: "-")
    }

    static func parseDecimal(_ text: String, scale: Int) -> Int128? {
        var s = Substring(text)
        let negative = s.first == "-"
        if negative || s.first == "+" { s = s.dropFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty || parts.count == 2 else { return nil }
        var fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= scale else { return nil }
        fraction += String(repeating: "0", count: scale - fraction.count)
        guard let v = Int128(String(whole.isEmpty ? "0" : whole) + fraction) else { return nil }
        return negative ? -v : v
    }

    /// `YYYY-MM-DD` → days since the epoch.
    static func parseDate(_ text: Substring) -> Int64? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int64(parts[0]), let m = Int64(parts[1]), let d = Int64(parts[2]),
            (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        let days = CivilDate(year: y, month: m, day: d).daysSinceEpoch
        let back = CivilDate(days: days)
        return back.month == m && back.day == d ? days : nil
    }

    /// `YYYY-MM-DD[T| ]HH:MM[:SS[.ffffff]][Z|+00:00]` → microseconds since the epoch (UTC offsets applied).
    static func parseTimestampMicros(_ text: String) -> Int64? {
        var s = Substring(text)
        guard s.count >= 10, let days = parseDate(s.prefix(10)) else { return nil }
        s = s.dropFirst(10)
        var micros = days * 86_400_000_000
        guard !s.isEmpty else { return micros }
        guard s.first == "T" || s.first == " " else { return nil }
        s = s.dropFirst()
        var offsetMinutes: Int64 = 0
        if s.hasSuffix("Z") {
            s = s.dropLast()
        } else if s.count > 6, let sign = s.dropLast(5).last, sign == "+" || sign == "-" {
            let zone = s.suffix(5).split(separator: ":")
            guard zone.count == 2, let h = Int64(zone[0]), let m = Int64(zone[1]) else { return nil }
            offsetMinutes = (h * 60 + m) * (sign == "-" ? -1 : 1)
            s = s.dropLast(6)
        }
        let clock = s.split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3, let h = Int64(clock[0]), let m = Int64(clock[1]) else { return nil }
        micros += (h * 3600 + m * 60) * 1_000_000
        if clock.count == 3 {
            let sec = clock[2].split(separator: ".", omittingEmptySubsequences: false)
            guard let whole = Int64(sec[0]), sec.count <= 2 else { return nil }
            micros += whole * 1_000_000
            if sec.count == 2 {
                let digits = sec[1].prefix(6)
                guard let f = Int64(digits + String(repeating: "0", count: 6 - digits.count)) else { return nil }
                micros += f
            }
        }
        return micros - offsetMinutes * 60_000_000
    }
}

private func pad(_ v: Int64, _ width: Int) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

private func hex2(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
}
