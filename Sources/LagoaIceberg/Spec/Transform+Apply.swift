extension Transform {
    /// Applies the transform to one value; nil in gives nil out, and `void` always gives nil.
    /// - Throws: when the value's kind does not fit the transform.
    public func apply(_ value: IcebergValue?) throws(IcebergError) -> IcebergValue? {
        guard let value else { return nil }
        switch self {
        case .identity: return value
        case .void: return nil
        case .bucket(let n):
            let hash = Murmur3.hash32(value.bucketBytes)
            return .int(Int32((Int64(hash) & Int64(Int32.max)) % Int64(n)))
        case .truncate(let w): return try truncate(value, width: w)
        case .year, .month, .day, .hour: return try temporal(value)
        }
    }

    private func truncate(_ value: IcebergValue, width w: Int) throws(IcebergError) -> IcebergValue {
        switch value {
        case .int(let v):
            let width = Int32(w)
            return .int(v - (((v % width) + width) % width))
        case .long(let v):
            let width = Int64(w)
            return .long(v - (((v % width) + width) % width))
        case .decimal(let unscaled, let scale):
            let width = Int128(w)
            return .decimal(unscaled: unscaled - (((unscaled % width) + width) % width), scale: scale)
        case .string(let s):
            // Code points, not UTF-16 units or grapheme clusters (spec: "truncate to W code points").
            let scalars = s.unicodeScalars
            guard scalars.count > w else { return value }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars.prefix(w))
            return .string(String(out))
        case .binary(let b): return .binary(Array(b.prefix(w)))
        default:
            throw IcebergError(.invalidArgument, "truncate[\(w)] cannot be applied to \(value)")
        }
    }

    private func temporal(_ value: IcebergValue) throws(IcebergError) -> IcebergValue {
        let micros: Int64
        switch value {
        case .date(let days):
            switch self {
            case .day: return value
            case .year: return .int(Int32(CivilDate(days: Int64(days)).year - 1970))
            case .month:
                let date = CivilDate(days: Int64(days))
                return .int(Int32((date.year - 1970) * 12 + date.month - 1))
            default: throw IcebergError(.invalidArgument, "\(self) cannot be applied to a date value")
            }
        case .timestamp(let v), .timestamptz(let v): micros = v
        case .timestampNs(let v), .timestamptzNs(let v): micros = floorDiv(v, 1000)
        default: throw IcebergError(.invalidArgument, "\(self) cannot be applied to \(value)")
        }
        let days = floorDiv(micros, 86_400_000_000)
        switch self {
        case .hour: return .int(Int32(floorDiv(micros, 3_600_000_000)))
        case .day: return .date(Int32(days))
        case .year: return .int(Int32(CivilDate(days: days).year - 1970))
        default:
            let date = CivilDate(days: days)
            return .int(Int32((date.year - 1970) * 12 + date.month - 1))
        }
    }
}

/// Floor division (rounds toward negative infinity), as the spec's temporal transforms need.
func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

/// A proleptic Gregorian calendar date from days since 1970-01-01 (Howard Hinnant's algorithm).
struct CivilDate {
    var year: Int64
    var month: Int64
    var day: Int64

    init(days: Int64) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    init(year: Int64, month: Int64, day: Int64) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01.
    var daysSinceEpoch: Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
