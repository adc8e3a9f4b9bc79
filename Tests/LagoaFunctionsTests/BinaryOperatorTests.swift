import LagoaColumnar
import Testing
@testable import LagoaFunctions

@Suite struct BinaryOperatorTests {
    let d152 = DataType.decimal128(precision: 15, scale: 2)

    @Test func resultTypesFollowDuckDB() throws {
        #expect(try BinaryOperator.add.bind(.int32, .int32).returnType == .int32)
        #expect(try BinaryOperator.add.bind(.int32, .int64).returnType == .int64)
        #expect(try BinaryOperator.divide.bind(.int32, .int32).returnType == .float64)
        #expect(try BinaryOperator.integerDivide.bind(.int64, .int32).returnType == .int64)
        #expect(try BinaryOperator.modulo.bind(.int32, .int32).returnType == .int32)
        #expect(try BinaryOperator.add.bind(d152, d152).returnType == .decimal128(precision: 16, scale: 2))
        #expect(try BinaryOperator.multiply.bind(d152, d152).returnType == .decimal128(precision: 18, scale: 4))
        #expect(try BinaryOperator.multiply.bind(d152, .int32).returnType == .decimal128(precision: 18, scale: 2))
        #expect(try BinaryOperator.multiply.bind(d152, .int64).returnType == .decimal128(precision: 34, scale: 2))
        #expect(try BinaryOperator.add.bind(d152, .int32).returnType == .decimal128(precision: 16, scale: 2))
        #expect(try BinaryOperator.add.bind(d152, .int64).returnType == .decimal128(precision: 22, scale: 2))
        #expect(try BinaryOperator.divide.bind(d152, d152).returnType == .float64)
        #expect(try BinaryOperator.add.bind(d152, .float64).returnType == .float64)
        #expect(try BinaryOperator.modulo.bind(d152, .int32).returnType == d152)
        #expect(try BinaryOperator.add.bind(.date32, .int32).returnType == .date32)
        #expect(try BinaryOperator.subtract.bind(.date32, .date32).returnType == .int64)
        #expect(try BinaryOperator.less.bind(.date32, .timestamp(.microsecond, timeZone: nil)).argumentTypes[0] == .timestamp(.microsecond, timeZone: nil))
    }

    @Test func typeErrorNamesBothTypes() {
        let error = #expect(throws: FunctionError.self) { try BinaryOperator.add.bind(.boolean, .date32) }
        #expect(error?.message.hasPrefix("operator + cannot be applied to boolean and date32") == true)
    }

    @Test func integerArithmeticWithNulls() throws {
        let (sum, _) = try T.apply(.add, T.ints([1, nil, 3], .int32), T.ints([10, 20, nil], .int32), rows: 3)
        #expect(sum.allValues == [.int(11), .null, .null])
        let (scaled, _) = try T.apply(.multiply, T.ints([1, 2, 3]), .scalar(.int(7), .int64), rows: 3)
        #expect(scaled.allValues == [.int(7), .int(14), .int(21)])
        let (quotient, _) = try T.apply(.integerDivide, T.ints([-7, 7]), .scalar(.int(2), .int64), rows: 2)
        #expect(quotient.allValues == [.int(-3), .int(3)])
        let (remainder, _) = try T.apply(.modulo, T.ints([-7, 7]), .scalar(.int(2), .int64), rows: 2)
        #expect(remainder.allValues == [.int(-1), .int(1)])
        let (ratio, _) = try T.apply(.divide, T.ints([1], .int32), T.ints([4], .int32), rows: 1)
        #expect(ratio.allValues == [.double(0.25)])
    }

    @Test func overflowIsAnErrorNamingTheValues() {
        let error = #expect(throws: FunctionError.self) {
            try T.apply(.add, T.ints([2_147_483_647], .int32), .scalar(.int(1), .int32), rows: 1)
        }
        #expect(error?.code == .overflow)
        #expect(error?.message.hasPrefix("overflow: 2147483647 + 1 is out of range for int32") == true)
    }

    @Test func overflowInNullRowsIsIgnored() throws {
        let (sum, _) = try T.apply(.add, T.ints([Int64.max, 1]), T.ints([nil, 1]), rows: 2)
        #expect(sum.allValues == [.null, .int(2)])
    }

    @Test func divisionByZeroIsAnError() {
        for op in [BinaryOperator.divide, .integerDivide, .modulo] {
            let error = #expect(throws: FunctionError.self) { try T.apply(op, T.ints([5]), T.ints([0]), rows: 1) }
            #expect(error?.code == .divisionByZero)
            #expect(error?.message.hasPrefix("division by zero: 5") == true)
        }
        let error = #expect(throws: FunctionError.self) { try T.apply(.divide, T.ints([5]), .scalar(.int(0), .int64), rows: 1) }
        #expect(error?.message.hasPrefix("division by zero: 5.0 / 0.0") == true)
    }

    @Test func decimalsAreExact() throws {
        // 0.1 + 0.2 = 0.3 exactly.
        let d = DataType.decimal128(precision: 1, scale: 1)
        let (sum, sig) = try T.apply(.add, .scalar(.decimal(1, scale: 1), d), T.decimals([2], scale: 1, precision: 1), rows: 1)
        #expect(sig.returnType == .decimal128(precision: 2, scale: 1))
        #expect(sum.allValues == [.decimal(3, scale: 1)])
        let (product, psig) = try T.apply(.multiply, T.decimals([150, -250], scale: 2), T.decimals([200, 3], scale: 2), rows: 2)
        #expect(psig.returnType == .decimal128(precision: 18, scale: 4))
        #expect(product.allValues == [.decimal(30000, scale: 4), .decimal(-750, scale: 4)])
        let (mixed, msig) = try T.apply(.subtract, T.decimals([105], scale: 2), T.ints([1], .int32), rows: 1)
        #expect(msig.returnType == .decimal128(precision: 16, scale: 2))
        #expect(mixed.allValues == [.decimal(5, scale: 2)])
    }

    @Test func comparisons() throws {
        let (lt, _) = try T.apply(.less, T.ints([1, 5, nil]), .scalar(.int(3), .int64), rows: 3)
        #expect(lt.allValues == [.bool(true), .bool(false), .null])
        let (eq, _) = try T.apply(.equal, T.decimals([150], scale: 2), .scalar(.decimal(15, scale: 1), .decimal128(precision: 2, scale: 1)), rows: 1)
        #expect(eq.allValues == [.bool(true)])
        let (strings, _) = try T.apply(.greater, T.strings(["b", "a", "ab", nil]), .scalar(.string("a"), .string), rows: 4)
        #expect(strings.allValues == [.bool(true), .bool(false), .bool(true), .null])
        let (dates, _) = try T.apply(.lessOrEqual, .column(T.column([.date(0), .date(2)], .date32)), .scalar(.string("1970-01-02"), .string), rows: 2)
        #expect(dates.allValues == [.bool(true), .bool(false)])
        let many = (0..<130).map { Int64($0) }
        let (big, _) = try T.apply(.greaterOrEqual, T.ints(many), .scalar(.int(64), .int64), rows: 130)
        #expect(big.allValues == many.map { .bool($0 >= 64) })
    }

    @Test func threeValuedLogic() throws {
        let a = ColumnarValue.column(T.column([.bool(true), .bool(true), .bool(false), .null, .null, .null], .boolean))
        let b = ColumnarValue.column(T.column([.bool(true), .null, .null, .bool(false), .bool(true), .null], .boolean))
        let (and, _) = try T.apply(.and, a, b, rows: 6)
        #expect(and.allValues == [.bool(true), .null, .bool(false), .bool(false), .null, .null])
        let (or, _) = try T.apply(.or, a, b, rows: 6)
        #expect(or.allValues == [.bool(true), .bool(true), .null, .null, .bool(true), .null])
    }

    @Test func distinctFromAndConcat() throws {
        let (notDistinct, _) = try T.apply(.notDistinct, T.ints([1, nil, 2]), T.ints([1, nil, nil]), rows: 3)
        #expect(notDistinct.allValues == [.bool(true), .bool(true), .bool(false)])
        let (distinct, _) = try T.apply(.distinct, T.ints([1, nil, 2]), T.ints([1, nil, nil]), rows: 3)
        #expect(distinct.allValues == [.bool(false), .bool(false), .bool(true)])
        let (joined, _) = try T.apply(.concat, T.strings(["a", nil]), .scalar(.int(1), .int64), rows: 2)
        #expect(joined.allValues == [.string("a1"), .null])
    }
}
