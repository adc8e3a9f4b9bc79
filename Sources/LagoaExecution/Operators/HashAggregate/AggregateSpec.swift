public import LagoaFunctions

/// One compiled aggregate call of a ``HashAggregateExec``.
public struct AggregateSpec: Sendable {
    public let name: String
    public let function: any AggregateFunction
    public let signature: FunctionSignature
    public let arguments: [any PhysicalExpr]
    /// `FILTER (WHERE …)`.
    public let filter: (any PhysicalExpr)?
    /// `f(DISTINCT …)`: duplicates of (group, arguments) are dropped before the accumulator.
    public let distinct: Bool

    public init(name: String, function: any AggregateFunction, signature: FunctionSignature, arguments: [any PhysicalExpr], filter: (any PhysicalExpr)?, distinct: Bool) {
        self.name = name
        self.function = function
        self.signature = signature
        self.arguments = arguments
        self.filter = filter
        self.distinct = distinct
    }

    /// A fresh accumulator (DISTINCT is handled by the operator, so the accumulator sees each
    /// distinct value once).
    func makeAccumulator() throws -> any GroupedAccumulator {
        try function.makeAccumulator(signature, distinct: false)
    }

    var displayText: String {
        var text = "\(name)(\(distinct ? "DISTINCT " : "")\(arguments.map(\.displayText).joined(separator: ", ")))"
        if let filter { text += " FILTER (WHERE \(filter.displayText))" }
        return text
    }
}
