public import LagoaColumnar
public import LagoaFunctions

/// A registry scalar function call. Deterministic functions of scalars give a scalar.
public struct FunctionExpr: PhysicalExpr {
    public let name: String
    public let function: any ScalarFunction
    public let arguments: [any PhysicalExpr]
    public let signature: FunctionSignature
    public var type: DataType { signature.returnType }

    public init(name: String, function: any ScalarFunction, arguments: [any PhysicalExpr], signature: FunctionSignature) {
        self.name = name
        self.function = function
        self.arguments = arguments
        self.signature = signature
    }

    public func evaluate(_ batch: RecordBatch) throws -> ColumnarValue {
        let values = try arguments.map { try $0.evaluate(batch) }
        if values.allSatisfy(\.isScalar) && function.isDeterministic {
            return .oneRow(try function.evaluate(values, rowCount: 1))
        }
        return .column(try function.evaluate(values, rowCount: batch.rowCount))
    }

    public var displayText: String { "\(name)(\(arguments.displayList()))" }
}
