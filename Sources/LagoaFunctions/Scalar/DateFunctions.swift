#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LagoaColumnar

/// Date/time functions: `extract`/`date_part`, `date_trunc`, `add_interval` (the binder's lowering
/// of interval arithmetic), `date_diff`, `make_date`, `strftime`, `current_date`, `now`.
/// Timestamps are handled in microseconds.
enum DateFunctions {
    static var all: [(RowScalarFunction, [String])] {
        [
            (datePart(), ["extract"]),
            (RowScalarFunction(name: "date_trunc", binder: { types in
                guard types.count == 2, types[1] == .date32 || isTimestamp(types[1]) else {
                    throw Bind.fail("date_trunc", types, expected: "part, date or timestamp")
                }
                return FunctionSignature(argumentTypes: [.string, timestampUS], returnType: timestampUS)
            }) { v, _ in
                .timestamp(try truncate(v[0].text, micros(v[1])), .microsecond, timeZone: nil)
            }, ["datetrunc"]),
            (RowScalarFunction(name: "add_interval", binder: { types in
                guard types.count == 4, types[0] == .date32 || isTimestamp(types[0]) else {
                    throw Bind.fail("add_interval", types, expected: "date or timestamp, months, days, micros")
                }
                return FunctionSignature(argumentTypes: [types[0], .int32, .int32, .int64], returnType: timestampUS)
            }) { v, _ in
                let t = micros(v[0])
                let day = Temporal.floorDiv(t, Temporal.microsPerDay)
                let rest = t - day * Temporal.microsPerDay
                let moved = Temporal.addMonths(days: day, months: v[1].integer) + v[2].integer
                return .timestamp(moved * Temporal.microsPerDay + rest + v[3].integer, .microsecond, timeZone: nil)
            }, []),
            (RowScalarFunction(name: "date_diff", binder: { types in
                guard types.count == 3, types[1] == .date32 || isTimestamp(types[1]), types[2] == .date32 || isTimestamp(types[2]) else {
                    throw Bind.fail("date_diff", types, expected: "part, start, end")
                }
                return FunctionSignature(argumentTypes: [.string, timestampUS, timestampUS], returnType: .int64)
            }) { v, _ in
                .int(try difference(v[0].text, micros(v[1]), micros(v[2])))
            }, ["datediff"]),
            (RowScalarFunction(name: "make_date", binder: Bind.fixed("make_date", [.int64, .int64, .int64], returns: .date32)) { v, _ in
                guard let days = TemporalFormat.days(year: v[0].integer, month: Int(v[1].integer), day: Int(v[2].integer)) else {
                    throw FunctionError(.invalidValue, "make_date(\(v[0].integer), \(v[1].integer), \(v[2].integer)) is not a valid date")
                }
                return .date(Int32(days))
            }, []),
            (RowScalarFunction(name: "strftime", binder: { types in
                guard types.count == 2, types[0] == .date32 || isTimestamp(types[0]) else {
                    throw Bind.fail("strftime", types, expected: "date or timestamp, format")
                }
                return FunctionSignature(argumentTypes: [timestampUS, .string], returnType: .string)
            }) { v, _ in
                .string(format(micros(v[0]), v[1].text))
            }, []),
            (RowScalarFunction(name: "current_date", binder: Bind.fixed("current_date", [], returns: .date32), body: { _, _ in
                .date(Int32(Temporal.floorDiv(nowMicros(), Temporal.microsPerDay)))
            }, isDeterministic: false), ["today"]),
            (RowScalarFunction(name: "now", binder: Bind.fixed("now", [], returns: .timestamp(.microsecond, timeZone: "UTC")), body: { _, _ in
                .timestamp(nowMicros(), .microsecond, timeZone: "UTC")
            }, isDeterministic: false), ["current_timestamp", "get_current_timestamp"]),
            (atTimeZone(), ["timezone"]),
            (strptime(), []),
        ]
    }

    static let timestampUS = DataType.timestamp(.microsecond, timeZone: nil)

    static func isTimestamp(_ type: DataType) -> Bool {
        if case .timestamp = type { return true }
        return false
    }

    static func nowMicros() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1000
    }

    /// Microseconds since the epoch of a date or timestamp value.
    static func micros(_ value: Value) -> Int64 {
        switch value {
        case .date(let d): Int64(d) * Temporal.microsPerDay
        case .timestamp(let t, let unit, _): Temporal.micros(t, unit)
        default: value.integer
        }
    }

    /// `date_part(part, x)` → int64; on dates as a typed loop for year/month/day.
    static func datePart() -> RowScalarFunction {
        RowScalarFunction(name: "date_part", binder: { types in
            guard types.count == 2, types[1].isTemporal else { throw Bind.fail("date_part", types, expected: "part, date or timestamp") }
            return FunctionSignature(argumentTypes: [.string, types[1]], returnType: .int64)
        }, body: { v, _ in
            .int(try part(v[0].text, micros(v[1]), isTime: { if case .time = v[1] { return true } else { return false } }()))
        }, evaluateFast: { args, _, n in
            guard case .scalar(.string(let name), _) = args[0], case .column(let column) = args[1], column.type == .date32 else { return nil }
            let partName = name.lowercased()
            guard ["year", "month", "day"].contains(partName) else { return nil }
            let days = column.values(as: Int32.self)
            return ColumnFactory.fixed(.int64, count: n, validity: Validity.of(column), as: Int64.self) { out in
                for i in 0..<n {
                    let (y, m, d) = Temporal.civil(Int64(days[i]))
                    out[i] = partName == "year" ? y : Int64(partName == "month" ? m : d)
                }
            }
        })
    }

    static func part(_ name: String, _ t: Int64, isTime: Bool = false) throws -> Int64 {
        let day = Temporal.floorDiv(t, Temporal.microsPerDay)
        let rest = t - day * Temporal.microsPerDay
        let (y, m, d) = Temporal.civil(day)
        switch name.lowercased() {
        case "year", "years", "y", "yr": return y
        case "quarter": return Int64((m - 1) / 3 + 1)
        case "month", "months", "mon": return Int64(m)
        case "day", "days", "dayofmonth", "d": return Int64(d)
        case "week", "weeks", "weekofyear", "w": return Temporal.isoWeek(day).week
        case "isoyear": return Temporal.isoWeek(day).year
        case "dow", "dayofweek", "weekday": return Temporal.isoDayOfWeek(day) % 7
        case "isodow": return Temporal.isoDayOfWeek(day)
        case "doy", "dayofyear": return Temporal.dayOfYear(day)
        case "hour", "hours", "h": return rest / 3_600_000_000
        case "minute", "minutes", "m", "min": return (rest / 60_000_000) % 60
        case "second", "seconds", "s", "sec": return (rest / 1_000_000) % 60
        case "millisecond", "milliseconds", "ms": return (rest / 1000) % 60_000
        case "microsecond", "microseconds", "us": return rest % 60_000_000
        case "epoch": return Temporal.floorDiv(t, 1_000_000)
        case "decade": return Temporal.floorDiv(y, 10)
        case "century": return y > 0 ? (y - 1) / 100 + 1 : -((-y) / 100 + 1)
        case "millennium": return y > 0 ? (y - 1) / 1000 + 1 : -((-y) / 1000 + 1)
        default:
            throw FunctionError(.invalidValue, "unknown date part '\(name)'; use year, quarter, month, week, day, dow, doy, hour, minute, second, epoch…")
        }
    }

    static func truncate(_ name: String, _ t: Int64) throws -> Int64 {
        let day = Temporal.floorDiv(t, Temporal.microsPerDay)
        let (y, m, _) = Temporal.civil(day)
        let dayStart = day * Temporal.microsPerDay
        switch name.lowercased() {
        case "year", "years": return TemporalFormat.days(year: y, month: 1, day: 1)! * Temporal.microsPerDay
        case "quarter": return TemporalFormat.days(year: y, month: (m - 1) / 3 * 3 + 1, day: 1)! * Temporal.microsPerDay
        case "month", "months": return TemporalFormat.days(year: y, month: m, day: 1)! * Temporal.microsPerDay
        case "week", "weeks": return (day - Temporal.isoDayOfWeek(day) + 1) * Temporal.microsPerDay
        case "day", "days": return dayStart
        case "hour", "hours": return Temporal.floorDiv(t, 3_600_000_000) * 3_600_000_000
        case "minute", "minutes": return Temporal.floorDiv(t, 60_000_000) * 60_000_000
        case "second", "seconds": return Temporal.floorDiv(t, 1_000_000) * 1_000_000
        case "millisecond", "milliseconds": return Temporal.floorDiv(t, 1000) * 1000
        case "decade": return TemporalFormat.days(year: Temporal.floorDiv(y, 10) * 10, month: 1, day: 1)! * Temporal.microsPerDay
        default:
            throw FunctionError(.invalidValue, "unknown date part '\(name)' for date_trunc; use year, quarter, month, week, day, hour, minute, second")
        }
    }

    /// Number of `part` boundaries between `a` and `b` (DuckDB's `date_diff`).
    static func difference(_ name: String, _ a: Int64, _ b: Int64) throws -> Int64 {
        let (ya, ma, _) = Temporal.civil(Temporal.floorDiv(a, Temporal.microsPerDay))
        let (yb, mb, _) = Temporal.civil(Temporal.floorDiv(b, Temporal.microsPerDay))
        switch name.lowercased() {
        case "year", "years": return yb - ya
        case "quarter": return (yb * 4 + Int64((mb - 1) / 3)) - (ya * 4 + Int64((ma - 1) / 3))
        case "month", "months": return (yb * 12 + Int64(mb)) - (ya * 12 + Int64(ma))
        case "week", "weeks": return (try truncate("week", b) - truncate("week", a)) / (7 * Temporal.microsPerDay)
        case "day", "days": return Temporal.floorDiv(b, Temporal.microsPerDay) - Temporal.floorDiv(a, Temporal.microsPerDay)
        case "hour", "hours": return Temporal.floorDiv(b, 3_600_000_000) - Temporal.floorDiv(a, 3_600_000_000)
        case "minute", "minutes": return Temporal.floorDiv(b, 60_000_000) - Temporal.floorDiv(a, 60_000_000)
        case "second", "seconds": return Temporal.floorDiv(b, 1_000_000) - Temporal.floorDiv(a, 1_000_000)
        case "millisecond", "milliseconds": return Temporal.floorDiv(b, 1000) - Temporal.floorDiv(a, 1000)
        case "microsecond", "microseconds": return b - a
        default:
            throw FunctionError(.invalidValue, "unknown date part '\(name)' for date_diff; use year, quarter, month, week, day, hour, minute, second")
        }
    }

    /// `strftime` with the common codes: %Y %m %d %H %M %S %f %j %y %b %B %a %A %e %p %I %%.
    static func format(_ t: Int64, _ pattern: String) -> String {
        let day = Temporal.floorDiv(t, Temporal.microsPerDay)
        let rest = t - day * Temporal.microsPerDay
        let (y, m, d) = Temporal.civil(day)
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        func pad(_ v: Int64, _ w: Int) -> String {
            let s = String(v)
            return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
        }
        let hour = rest / 3_600_000_000
        var out = ""
        var iterator = pattern.makeIterator()
        while let ch = iterator.next() {
            guard ch == "%", let code = iterator.next() else { out.append(ch); continue }
            switch code {
            case "Y": out += pad(y, 4)
            case "y": out += pad(y % 100, 2)
            case "m": out += pad(Int64(m), 2)
            case "d": out += pad(Int64(d), 2)
            case "e": out += String(d)
            case "H": out += pad(hour, 2)
            case "I": out += pad(hour % 12 == 0 ? 12 : hour % 12, 2)
            case "p": out += hour < 12 ? "AM" : "PM"
            case "M": out += pad((rest / 60_000_000) % 60, 2)
            case "S": out += pad((rest / 1_000_000) % 60, 2)
            case "f": out += pad(rest % 1_000_000, 6)
            case "j": out += pad(Temporal.dayOfYear(day), 3)
            case "b": out += String(months[m - 1].prefix(3))
            case "B": out += months[m - 1]
            case "a": out += String(days[Int(Temporal.isoDayOfWeek(day) % 7)].prefix(3))
            case "A": out += days[Int(Temporal.isoDayOfWeek(day) % 7)]
            case "%": out += "%"
            default: out += "%" + String(code)
            }
        }
        return out
    }
}

extension DateFunctions {
    /// `at_time_zone(ts, zone)` (`ts AT TIME ZONE zone`): a local timestamp is read as wall-clock
    /// time in `zone` and becomes an instant (timestamptz); an instant becomes `zone`'s wall-clock
    /// time (timestamp).
    static func atTimeZone() -> RowScalarFunction {
        RowScalarFunction(name: "at_time_zone", binder: { types in
            guard types.count == 2, types[0] == .date32 || isTimestamp(types[0]) else {
                throw Bind.fail("at_time_zone", types, expected: "timestamp, zone name")
            }
            if case .timestamp(_, let tz) = types[0], tz != nil {
                return FunctionSignature(argumentTypes: [.timestamp(.microsecond, timeZone: "UTC"), .string], returnType: timestampUS)
            }
            return FunctionSignature(argumentTypes: [timestampUS, .string], returnType: .timestamp(.microsecond, timeZone: "UTC"))
        }) { v, signature in
            let zone = try TimeZoneDatabase.shared.zone(v[1].text)
            let t = micros(v[0])
            let seconds = Temporal.floorDiv(t, 1_000_000)
            if signature.returnType == timestampUS {
                return .timestamp(t + zone.offset(atUTC: seconds) * 1_000_000, .microsecond, timeZone: nil)
            }
            return .timestamp(t - zone.offset(atLocal: seconds) * 1_000_000, .microsecond, timeZone: "UTC")
        }
    }
}
