/// A partition or sort transform (spec "Partition Transforms").
public enum Transform: Sendable, Hashable, CustomStringConvertible {
    case identity
    case bucket(Int)
    case truncate(Int)
    case year
    case month
    case day
    case hour
    case void

    /// Parses the spec's names: `identity`, `bucket[16]`, `truncate[10]`, `year`, `month`, `day`,
    /// `hour`, `void`.
    public init(parsing text: String) throws(IcebergError) {
        let name = text.trimmingSpaces().lowercased()
        switch name {
        case "identity": self = .identity
        case "year", "years": self = .year
        case "month", "months": self = .month
        case "day", "days": self = .day
        case "hour", "hours": self = .hour
        case "void": self = .void
        default:
            for (prefix, make) in [("bucket[", Transform.bucket), ("truncate[", Transform.truncate)]
            where name.hasPrefix(prefix) && name.hasSuffix("]") {
                if let n = Int(name.dropFirst(prefix.count).dropLast()), n > 0 {
                    self = make(n)
                    return
                }
            }
            throw IcebergError(
                .invalidArgument,
                "unknown transform '\(text)'; use identity, bucket[N], truncate[W], year, month, day, hour or void"
            )
        }
    }

    public var description: String {
        switch self {
        case .identity: "identity"
        case .bucket(let n): "bucket[\(n)]"
        case .truncate(let w): "truncate[\(w)]"
        case .year: "year"
        case .month: "month"
        case .day: "day"
        case .hour: "hour"
        case .void: "void"
        }
    }

    /// The type of the transform's output for a source column of `source` type.
    /// - Throws: when the transform does not apply to that type (e.g. `day` of a string).
    public func resultType(_ source: IcebergType) throws(IcebergError) -> IcebergType {
        switch self {
        case .identity, .void:
            guard source.isPrimitive else { break }
            return source
        case .bucket:
            switch source {
            case .int, .long, .decimal, .date, .time, .timestamp, .timestamptz, .timestampNs, .timestamptzNs,
                .string, .uuid, .fixed, .binary:
                return .int
            default: break
            }
        case .truncate:
            switch source {
            case .int, .long, .decimal, .string, .binary: return source
            default: break
            }
        case .year, .month:
            switch source {
            case .date, .timestamp, .timestamptz, .timestampNs, .timestamptzNs: return .int
            default: break
            }
        case .day:
            switch source {
            case .date, .timestamp, .timestamptz, .timestampNs, .timestamptzNs: return .date
            default: break
            }
        case .hour:
            switch source {
            case .timestamp, .timestamptz, .timestampNs, .timestamptzNs: return .int
            default: break
            }
        }
        throw IcebergError(.invalidArgument, "transform \(self) cannot be applied to a \(source) column")
    }

    /// Whether the transform keeps order (so column bounds map to partition bounds).
    public var preservesOrder: Bool {
        switch self {
        case .identity, .truncate, .year, .month, .day, .hour: true
        case .bucket, .void: false
        }
    }

    /// The name Lagoa gives a partition field made by this transform over `column`
    /// (`ts_day`, `id_bucket`, as Spark and PyIceberg do).
    public func defaultFieldName(column: String) -> String {
        switch self {
        case .identity: column
        case .bucket: column + "_bucket"
        case .truncate: column + "_trunc"
        case .year: column + "_year"
        case .month: column + "_month"
        case .day: column + "_day"
        case .hour: column + "_hour"
        case .void: column + "_null"
        }
    }
}
