/// Exact arithmetic on decimals stored as `Int128` scaled by `10^scale`.
package enum DecimalMath {
    /// `10^k` for `k` in `0...38`.
    package static let pow10: [Int128] = {
        var table: [Int128] = [1]
        for _ in 1...38 { table.append(table.last! * 10) }
        return table
    }()

    /// Whether `value` has at most `precision` digits.
    @inline(__always)
    package static func fits(_ value: Int128, precision: Int) -> Bool {
        precision >= 39 || value.magnitude < pow10[precision].magnitude
    }

    /// `value / 10^k` rounded half away from zero (DuckDB's rounding when a cast drops digits).
    @inline(__always)
    package static func divideRounding(_ value: Int128, by k: Int) -> Int128 {
        if k <= 0 { return value }
        if k > 38 { return 0 }
        let divisor = pow10[k]
        let q = value / divisor
        let r = value % divisor
        if r.magnitude * 2 >= divisor.magnitude { return value < 0 ? q - 1 : q + 1 }
        return q
    }

    /// `value` moved from scale `from` to scale `to` (rounding half away from zero when reducing);
    /// `nil` on overflow.
    @inline(__always)
    package static func rescale(_ value: Int128, from: Int, to: Int) -> Int128? {
        if to >= from {
            let k = to - from
            if k == 0 { return value }
            if k > 38 { return value == 0 ? 0 : nil }
            let (r, o) = value.multipliedReportingOverflow(by: pow10[k])
            return o ? nil : r
        }
        return divideRounding(value, by: from - to)
    }

    /// The nearest double to `value / 10^scale`.
    @inline(__always)
    package static func toDouble(_ value: Int128, scale: Int) -> Double {
        if scale == 0 { return Double(value) }
        if value.magnitude < (1 << 53) && scale <= 22 {
            return Double(value) / pow10Double[scale]
        }
        // Split into integer and fraction parts to keep the integer part exact.
        let divisor = pow10[min(scale, 38)]
        let q = value / divisor
        let r = value % divisor
        return Double(q) + Double(r) / Double(divisor)
    }

    /// `10^k` as doubles for `k` in `0...22` (exact).
    package static let pow10Double: [Double] = {
        var table: [Double] = [1]
        for _ in 1...22 { table.append(table.last! * 10) }
        return table
    }()

    /// `d * 10^scale` rounded half away from zero, or `nil` when it does not fit `precision` digits.
    package static func fromDouble(_ d: Double, precision: Int, scale: Int) -> Int128? {
        guard d.isFinite else { return nil }
        var scaled = d
        var k = scale
        while k > 0 {
            let step = min(k, 22)
            scaled *= pow10Double[step]
            k -= step
        }
        scaled = scaled.rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 1.7e38 else { return nil }
        let value = Int128(scaled)
        return fits(value, precision: precision) ? value : nil
    }

    /// Parses decimal text (`-12.345`, `1e3`, surrounding spaces allowed) to scale `scale`,
    /// rounding half away from zero; `nil` when it is not a number or does not fit `precision`.
    package static func parse(_ text: Substring, precision: Int, scale: Int) -> Int128? {
        let bytes = Array(text.utf8)
        var i = 0
        let n = bytes.count
        var negative = false
        if i < n, bytes[i] == 0x2D || bytes[i] == 0x2B {
            negative = bytes[i] == 0x2D
            i += 1
        }
        var digits: [UInt8] = []
        var pointAt: Int?
        while i < n {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                digits.append(b - 0x30)
            } else if b == 0x2E && pointAt == nil {
                pointAt = digits.count
            } else {
                break
            }
            i += 1
        }
        guard !digits.isEmpty else { return nil }
        var exponent = 0
        if i < n, bytes[i] | 0x20 == 0x65 {
            guard let e = Int(String(decoding: bytes[(i + 1)...], as: UTF8.self)), abs(e) < 100 else { return nil }
            exponent = e
            i = n
        }
        guard i == n else { return nil }
        // value = digits × 10^(exponent − fractionDigits); we want it × 10^scale.
        let fractionDigits = digits.count - (pointAt ?? digits.count)
        let shift = scale + exponent - fractionDigits
        var kept = digits
        var roundUp = false
        if shift < 0 {
            let drop = -shift
            if drop > kept.count {
                kept = []
            } else {
                roundUp = kept[kept.count - drop] >= 5
                kept.removeLast(drop)
            }
        }
        var value: Int128 = 0
        for d in kept {
            let (t, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = t.addingReportingOverflow(Int128(d))
            if o1 || o2 { return nil }
            value = s
        }
        if shift > 0 {
            guard shift <= 38 else { return value == 0 ? 0 : nil }
            let (t, o) = value.multipliedReportingOverflow(by: pow10[shift])
            if o { return nil }
            value = t
        }
        if roundUp { value += 1 }
        guard fits(value, precision: precision) else { return nil }
        return negative ? -value : value
    }
}
