public import LagoaColumnar

/// An argument to a kernel: a whole column, or one value that stands for every row (a literal or a
/// constant-folded expression), so kernels can skip materialising constants.
public enum ColumnarValue: Sendable {
    case column(Column)
    /// One value of `type` repeated for every row; `.null` is a typed NULL.
    case scalar(Value, DataType)

    /// The type of the values.
    public var type: DataType {
        switch self {
        case .column(let column): column.type
        case .scalar(_, let type): type
        }
    }
}
