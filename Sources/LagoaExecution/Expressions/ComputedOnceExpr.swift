public import LagoaColumnar
public import LagoaFunctions

/// Evaluates `input` once per batch and runs `body` over a one-column batch of its value, so an
/// expression that uses an input several times computes it once: `substring(c_phone, 1, 2) IN
/// ('13', '31', …)` compiles to an OR of equalities over column 0 instead of one substring per
/// item.
public struct ComputedOnceExpr: PhysicalExpr {
    public let input: any PhysicalExpr
    /// Compiled against a batch whose only column is `input`'s value.
    public let body: any PhysicalExpr
    public var type: DataType { body.type }

    public init(input: any PhysicalExpr, body: any PhysicalExpr) {
        self.input = input
        self.body = body
    }

    public func evaluate(_ batch: RecordBatch) throws -> ColumnarValue {
        let value = try input.evaluate(batch).column(rowCount: batch.rowCount)
        let single = RecordBatch(schema: Schema([Field("value", value.type)]), columns: [value], rowCount: batch.rowCount)
        return try body.evaluate(single)
    }

    /// The body's text with the input written in for column 0.
    public var displayText: String { body.displayText.replacing("value@0", with: input.displayText) }
}
