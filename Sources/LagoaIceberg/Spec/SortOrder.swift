/// How rows are sorted within data files (recorded for readers; Lagoa's writers honour it when set).
public struct SortOrder: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable { case ascending = "asc", descending = "desc" }
    public enum NullOrder: String, Sendable, Hashable { case nullsFirst = "nulls-first", nullsLast = "nulls-last" }

    public struct Field: Sendable, Hashable {
        public var sourceID: Int32
        public var transform: Transform
        public var direction: Direction
        public var nullOrder: NullOrder

        public init(sourceID: Int32, transform: Transform = .identity, direction: Direction = .ascending, nullOrder: NullOrder = .nullsFirst) {
            self.sourceID = sourceID
            self.transform = transform
            self.direction = direction
            self.nullOrder = nullOrder
        }
    }

    public var orderID: Int32
    public var fields: [Field]

    public init(orderID: Int32, fields: [Field]) {
        self.orderID = orderID
        self.fields = fields
    }

    /// Order id 0, no fields.
    public static let unsorted = SortOrder(orderID: 0, fields: [])
}
