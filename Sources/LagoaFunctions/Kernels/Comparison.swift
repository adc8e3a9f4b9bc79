#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LagoaColumnar

/// Vectorized comparisons producing bit-packed boolean columns, and `IS [NOT] DISTINCT FROM`.
enum Comparison {
    static func compare(_ op: BinaryOperator, _ lhs: ColumnarValue, _ rhs: ColumnarValue, rowCount n: Int) throws -> Column {
        let validity = Validity.and(lhs.normalizedValidity, rhs.normalizedValidity, count: n)
        let bits = try resultBits(op, lhs, rhs, n)
        return ColumnFactory.boolean(values: bits, validity: validity, count: n)
    }

    /// `IS DISTINCT FROM` / `IS NOT DISTINCT FROM`: NULL equals NULL, the result is never NULL.
    static func distinct(_ op: BinaryOperator, _ lhs: ColumnarValue, _ rhs: ColumnarValue, rowCount n: Int) throws -> Column {
        let lNull = lhs.scalarValue?.isNull == true, rNull = rhs.scalarValue?.isNull == true
        let words = Validity.wordCount(n)
        let va = lNull ? Validity.allSet(n, value: false) : (lhs.normalizedValidity ?? Validity.allSet(n, value: true))
        let vb = rNull ? Validity.allSet(n, value: false) : (rhs.normalizedValidity ?? Validity.allSet(n, value: true))
        let eq = (lNull || rNull) ? Validity.allSet(n, value: false) : try resultBits(.equal, lhs, rhs, n)
        var out = MutableBuffer(zeroed: max(words * 8, 8))
        let dst = out.typed(UInt64.self)
        let pa = va.pointer.assumingMemoryBound(to: UInt64.self)
        let pb = vb.pointer.assumingMemoryBound(to: UInt64.self)
        let pe = eq.pointer.assumingMemoryBound(to: UInt64.self)
        for w in 0..<words {
            let same = (pa[w] & pb[w] & pe[w]) | (~pa[w] & ~pb[w])
            dst[w] = op == .notDistinct ? same : ~same
        }
        Validity.clearTail(dst, count: n)
        out.count = words * 8
        return ColumnFactory.boolean(values: out.finish(), validity: nil, count: n)
    }

    /// The comparison bits for every row, ignoring NULLs.
    static func resultBits(_ op: BinaryOperator, _ lhs: ColumnarValue, _ rhs: ColumnarValue, _ n: Int) throws -> Buffer {
        switch lhs.type {
        case .int8: return typed(op, Operand<Int8>(lhs), Operand<Int8>(rhs), n)
        case .int16: return typed(op, Operand<Int16>(lhs), Operand<Int16>(rhs), n)
        case .int32, .date32: return typed(op, Operand<Int32>(lhs), Operand<Int32>(rhs), n)
        case .int64, .timestamp, .time64: return typed(op, Operand<Int64>(lhs), Operand<Int64>(rhs), n)
        case .uint8: return typed(op, Operand<UInt8>(lhs), Operand<UInt8>(rhs), n)
        case .uint16: return typed(op, Operand<UInt16>(lhs), Operand<UInt16>(rhs), n)
        case .uint32: return typed(op, Operand<UInt32>(lhs), Operand<UInt32>(rhs), n)
        case .uint64: return typed(op, Operand<UInt64>(lhs), Operand<UInt64>(rhs), n)
        case .float32: return typed(op, Operand<Float>(lhs), Operand<Float>(rhs), n)
        case .float64: return typed(op, Operand<Double>(lhs), Operand<Double>(rhs), n)
        case .decimal128: return typed(op, Operand<Int128>(lhs), Operand<Int128>(rhs), n)
        case .boolean:
            let a = lhs.materialize(n), b = rhs.materialize(n)
            return bits(n) { i in compareValues(op, a.bool(at: i) ? 1 : 0, b.bool(at: i) ? 1 : 0) }
        case .string, .binary:
            return strings(op, lhs, rhs, n)
        default:
            let a = lhs.materialize(n), b = rhs.materialize(n)
            return bits(n) { i in a.value(at: i) == b.value(at: i) ? op == .equal || op == .lessOrEqual || op == .greaterOrEqual : op == .notEqual }
        }
    }

    @inline(__always)
    static func compareValues<T: Comparable>(_ op: BinaryOperator, _ x: T, _ y: T) -> Bool {
        switch op {
        case .equal: x == y
        case .notEqual: x != y
        case .less: x < y
        case .lessOrEqual: x <= y
        case .greater: x > y
        default: x >= y
        }
    }

    /// Packs `predicate(i)` for every row into a word-padded bitmap.
    @inline(__always)
    static func bits(_ n: Int, _ predicate: (Int) -> Bool) -> Buffer {
        let words = Validity.wordCount(n)
        var out = MutableBuffer(zeroed: max(words * 8, 8))
        let dst = out.typed(UInt64.self)
        var w = 0
        while w < words {
            let base = w << 6
            let end = min(64, n - base)
            var word: UInt64 = 0
            for j in 0..<end {
                word |= UInt64(predicate(base + j) ? 1 : 0) << UInt64(j)
            }
            dst[w] = word
            w += 1
        }
        out.count = words * 8
        return out.finish()
    }

    @inline(__always)
    private static func loop<T: Comparable>(_ a: Operand<T>, _ b: Operand<T>, _ n: Int, _ f: (T, T) -> Bool) -> Buffer {
        if b.isScalar {
            let y = b.pointer[0]
            let p = a.pointer
            if a.isScalar { return Validity.allSet(n, value: f(p[0], y)) }
            return bits(n) { f(p[$0], y) }
        }
        if a.isScalar {
            let x = a.pointer[0]
            let q = b.pointer
            return bits(n) { f(x, q[$0]) }
        }
        let p = a.pointer, q = b.pointer
        return bits(n) { f(p[$0], q[$0]) }
    }

    private static func typed<T: Comparable>(_ op: BinaryOperator, _ a: Operand<T>, _ b: Operand<T>, _ n: Int) -> Buffer {
        switch op {
        case .equal: loop(a, b, n) { $0 == $1 }
        case .notEqual: loop(a, b, n) { $0 != $1 }
        case .less: loop(a, b, n) { $0 < $1 }
        case .lessOrEqual: loop(a, b, n) { $0 <= $1 }
        case .greater: loop(a, b, n) { $0 > $1 }
        default: loop(a, b, n) { $0 >= $1 }
        }
    }

    /// Byte-wise (UTF-8 code unit) comparison, as DuckDB orders strings.
    private static func strings(_ op: BinaryOperator, _ lhs: ColumnarValue, _ rhs: ColumnarValue, _ n: Int) -> Buffer {
        let a = lhs.materialize(lhs.scalarValue == nil ? n : 1)
        let b = rhs.materialize(rhs.scalarValue == nil ? n : 1)
        let aStep = lhs.scalarValue == nil ? 1 : 0
        let bStep = rhs.scalarValue == nil ? 1 : 0
        return bits(n) { i in
            let x = a.bytes(at: i * aStep), y = b.bytes(at: i * bStep)
            return compareValues(op, compareBytes(x, y), 0)
        }
    }

    /// -1, 0 or 1 as `x` sorts before, equal to or after `y` byte-wise.
    @inline(__always)
    static func compareBytes(_ x: UnsafeRawBufferPointer, _ y: UnsafeRawBufferPointer) -> Int {
        let common = min(x.count, y.count)
        if common > 0 {
            let c = memcmp(x.baseAddress!, y.baseAddress!, common)
            if c != 0 { return c < 0 ? -1 : 1 }
        }
        return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
    }
}
