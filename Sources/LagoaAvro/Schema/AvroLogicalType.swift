/// The logical types of the Avro specification, plus any other `logicalType` name kept as written.
///
/// Values keep their physical form in ``AvroValue``: a date is `.int` days since 1970-01-01, a
/// timestamp `.long` units since the epoch, a decimal `.bytes`/`.fixed` holding the unscaled value
/// in two's-complement big-endian order, a uuid `.string` (or `.fixed` of 16 bytes).
public enum AvroLogicalType: Sendable, Hashable {
    /// On `bytes` or `fixed`.
    case decimal(precision: Int, scale: Int)
    /// On `string` or `fixed` of size 16.
    case uuid
    /// On `int`: days since the Unix epoch.
    case date
    /// On `int`: milliseconds after midnight.
    case timeMillis
    /// On `long`: microseconds after midnight.
    case timeMicros
    /// On `long`, UTC instants.
    case timestampMillis, timestampMicros, timestampNanos
    /// On `long`, wall-clock times without a time zone.
    case localTimestampMillis, localTimestampMicros, localTimestampNanos
    /// On `fixed` of size 12: months, days, milliseconds.
    case duration
    /// A name the specification does not define (Iceberg's `map` on arrays), or a known logical type
    /// on a physical type it does not allow; readers use the physical type.
    case custom(String)

    /// The `logicalType` attribute value.
    public var name: String {
        switch self {
        case .decimal: "decimal"
        case .uuid: "uuid"
        case .date: "date"
        case .timeMillis: "time-millis"
        case .timeMicros: "time-micros"
        case .timestampMillis: "timestamp-millis"
        case .timestampMicros: "timestamp-micros"
        case .timestampNanos: "timestamp-nanos"
        case .localTimestampMillis: "local-timestamp-millis"
        case .localTimestampMicros: "local-timestamp-micros"
        case .localTimestampNanos: "local-timestamp-nanos"
        case .duration: "duration"
        case .custom(let name): name
        }
    }

    /// The logical type named `name` on `physical`, or `.custom(name)` when the name is unknown or
    /// not allowed on that physical type (decimal needs `precision`/`scale` from `attributes`).
    static func recognise(_ name: String, on physical: AvroSchema, attributes: AvroProperties) -> AvroLogicalType {
        switch (name, physical) {
        case ("decimal", .bytes), ("decimal", .fixed):
            guard let precision = attributes["precision"]?.intValue, precision > 0 else { return .custom(name) }
            let scale = attributes["scale"]?.intValue ?? 0
            guard scale >= 0, scale <= precision, precision <= Int64(Int32.max) else { return .custom(name) }
            if case .fixed(let fixed) = physical {
                // The largest precision a fixed of `size` bytes can hold: floor(log10(2^(8*size-1) - 1)).
                let maximum = fixed.size >= 1 ? Int((Double(8 * fixed.size - 1) * 0.30102999566398120).rounded(.down)) : 0
                guard precision <= maximum else { return .custom(name) }
            }
            return .decimal(precision: Int(precision), scale: Int(scale))
        case ("uuid", .string): return .uuid
        case ("uuid", .fixed(let fixed)) where fixed.size == 16: return .uuid
        case ("date", .int): return .date
        case ("time-millis", .int): return .timeMillis
        case ("time-micros", .long): return .timeMicros
        case ("timestamp-millis", .long): return .timestampMillis
        case ("timestamp-micros", .long): return .timestampMicros
        case ("timestamp-nanos", .long): return .timestampNanos
        case ("local-timestamp-millis", .long): return .localTimestampMillis
        case ("local-timestamp-micros", .long): return .localTimestampMicros
        case ("local-timestamp-nanos", .long): return .localTimestampNanos
        case ("duration", .fixed(let fixed)) where fixed.size == 12: return .duration
        default: return .custom(name)
        }
    }
}
