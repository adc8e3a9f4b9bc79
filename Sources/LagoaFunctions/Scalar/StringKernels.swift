import LagoaColumnar

/// Byte-level string kernels shared by operators and functions.
enum StringKernels {
    /// `lhs || rhs`: NULL when either side is NULL.
    static func concat(_ lhs: ColumnarValue, _ rhs: ColumnarValue, rowCount n: Int) -> Column {
        if lhs.scalarValue?.isNull == true || rhs.scalarValue?.isNull == true {
            return ColumnFactory.nulls(.string, count: n)
        }
        let a = StringOperand(lhs), b = StringOperand(rhs)
        let builder = ColumnBuilder(.string, capacity: n)
        var scratch: [UInt8] = []
        for i in 0..<n {
            guard a.isValid(i), b.isValid(i) else {
                builder.appendNull()
                continue
            }
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: a.bytes(i))
            scratch.append(contentsOf: b.bytes(i))
            scratch.withUnsafeBytes { builder.appendBytes($0) }
        }
        return builder.finish()
    }
}

/// A string argument: a column, or one scalar string for every row.
struct StringOperand {
    let column: Column
    let isScalar: Bool
    let isNullScalar: Bool

    init(_ value: ColumnarValue) {
        switch value {
        case .column(let column):
            self.column = column
            isScalar = false
            isNullScalar = false
        case .scalar(let v, let type):
            isScalar = true
            isNullScalar = v.isNull
            let text: Value = if case .string = v { v } else if v.isNull { .null } else { .string(TextFormat.text(v, type)) }
            column = ColumnFactory.fromValues([text], .string)
        }
    }

    @inline(__always)
    func isValid(_ i: Int) -> Bool { isScalar ? !isNullScalar : column.isValid(i) }

    @inline(__always)
    func bytes(_ i: Int) -> UnsafeRawBufferPointer { column.bytes(at: isScalar ? 0 : i) }

    func string(_ i: Int) -> String { column.string(at: isScalar ? 0 : i) }
}
