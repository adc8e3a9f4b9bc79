import LagoaColumnar

extension DateFunctions {
    /// `strptime(text, format)` → timestamp, with the codes %Y %y %m %d %e %H %I %p %M %S %f %j %b
    /// %B %a %A %% (names in English, any case).
    static func strptime() -> RowScalarFunction {
        RowScalarFunction(name: "strptime", binder: Bind.strings("strptime", 2...2, returns: timestampUS)) { v, _ in
            guard let t = parse(v[0].text, v[1].text) else {
                throw FunctionError(.invalidValue, "could not parse '\(v[0].text)' with format '\(v[1].text)'; check the format's % codes")
            }
            return .timestamp(t, .microsecond, timeZone: nil)
        }
    }

    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
    static let dayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    /// Microseconds since the epoch of `text` read with `format`, or `nil`.
    static func parse(_ text: String, _ format: String) -> Int64? {
        let s = Array(text.unicodeScalars)
        var i = 0
        var year: Int64 = 1900, month = 1, day = 1, hour: Int64 = 0, minute: Int64 = 0, second: Int64 = 0, micros: Int64 = 0
        var dayOfYear: Int64?
        var pm: Bool?
        func number(_ maxDigits: Int) -> Int64? {
            var value: Int64 = 0
            var digits = 0
            var negative = false
            if i < s.count, s[i] == "-" || s[i] == "+", maxDigits >= 4 {
                negative = s[i] == "-"
                i += 1
            }
            while i < s.count, digits < maxDigits, let d = Int64(String(s[i])) {
                value = value * 10 + d
                digits += 1
                i += 1
            }
            return digits == 0 ? nil : (negative ? -value : value)
        }
        func name(_ names: [String]) -> Int? {
            let rest = String(String.UnicodeScalarView(s[i...])).lowercased()
            for (k, full) in names.enumerated() {
                if rest.hasPrefix(full) { i += full.count; return k }
                if rest.hasPrefix(String(full.prefix(3))) { i += 3; return k }
            }
            return nil
        }
        var f = format.unicodeScalars.makeIterator()
        while let ch = f.next() {
            if ch != "%" {
                guard i < s.count, s[i] == ch || (ch == " " && s[i] == " ") else { return nil }
                i += 1
                continue
            }
            guard let code = f.next() else { return nil }
            switch code {
            case "Y": guard let v = number(6) else { return nil }; year = v
            case "y": guard let v = number(2) else { return nil }; year = v < 69 ? 2000 + v : 1900 + v
            case "m": guard let v = number(2) else { return nil }; month = Int(v)
            case "d", "e": guard let v = number(2) else { return nil }; day = Int(v)
            case "H", "I": guard let v = number(2) else { return nil }; hour = v
            case "M": guard let v = number(2) else { return nil }; minute = v
            case "S": guard let v = number(2) else { return nil }; second = v
            case "j": guard let v = number(3) else { return nil }; dayOfYear = v
            case "f":
                let start = i
                guard let v = number(9) else { return nil }
                let digits = i - start
                micros = digits <= 6 ? v * Int64([1, 100_000, 10_000, 1000, 100, 10, 1][digits]) : v / Int64([1000, 10_000, 100_000][digits - 7])
            case "p":
                let rest = String(String.UnicodeScalarView(s[i...])).lowercased()
                if rest.hasPrefix("am") { pm = false } else if rest.hasPrefix("pm") { pm = true } else { return nil }
                i += 2
            case "b", "B", "h": guard let k = name(monthNames) else { return nil }; month = k + 1
            case "a", "A": guard name(dayNames) != nil else { return nil }
            case "%": guard i < s.count, s[i] == "%" else { return nil }; i += 1
            default: return nil
            }
        }
        guard i == s.count else { return nil }
        if let pm { hour = hour % 12 + (pm ? 12 : 0) }
        guard hour < 24, minute < 60, second < 60 else { return nil }
        var days: Int64
        if let dayOfYear {
            guard let jan1 = TemporalFormat.days(year: year, month: 1, day: 1) else { return nil }
            days = jan1 + dayOfYear - 1
        } else {
            guard let d = TemporalFormat.days(year: year, month: month, day: day) else { return nil }
            days = d
        }
        return days * Temporal.microsPerDay + ((hour * 60 + minute) * 60 + second) * 1_000_000 + micros
    }
}
