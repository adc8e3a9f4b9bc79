/// How to turn the writer's encoding of one value into an ``AvroValue`` of the reader schema:
/// schema resolution worked out once per file, so decoding a record is a walk over this tree with
/// no name lookups or schema comparisons.
indirect enum AvroDecodePlan: Sendable {
    case null, boolean, int, long, float, double, bytes, string
    case fixed(Int)
    // Promotions (Avro specification, "Schema Resolution").
    case intAsLong, intAsFloat, intAsDouble, longAsFloat, longAsDouble, floatAsDouble
    case bytesAsString, stringAsBytes
    /// Writer symbol index → reader value; `nil` is an error naming `writerSymbols[index]`.
    case enumeration(symbols: [AvroValue?], writerSymbols: [String], readerName: String)
    case array(AvroDecodePlan, minimumItemSize: Int)
    case map(AvroDecodePlan)
    case record(AvroRecordPlan)
    /// A writer union: the plan of each writer branch.
    case union([AvroDecodePlan])
    /// Data that reaches this point cannot be resolved (a writer union branch the reader lacks).
    case fail(AvroError)
    /// A recursive type, filled once its definition is planned.
    case recursive(AvroPlanBox)

    /// The fewest bytes one value can take on the wire, used to reject absurd array counts.
    var minimumSize: Int {
        switch self {
        case .null, .fail, .recursive: 0
        // Promotions read the writer's encoding: varints for int and long, 4 bytes for float.
        case .float, .floatAsDouble: 4
        case .double: 8
        case .fixed(let size): size
        case .record(let plan): plan.minimumSize
        default: 1
        }
    }
}

/// The plan of one record: writer fields in writer order, each read into a reader position or
/// skipped, and reader-only fields prefilled with their defaults.
struct AvroRecordPlan: Sendable {
    enum Step: Sendable {
        case read(AvroDecodePlan, into: Int)
        case skip(AvroDecodePlan)
    }

    var steps: [Step]
    /// The reader record with defaults in place and `.null` in the positions the steps fill.
    var template: [AvroValue]

    var minimumSize: Int {
        steps.reduce(0) { total, step in
            switch step {
            case .read(let plan, _), .skip(let plan): total + plan.minimumSize
            }
        }
    }
}

/// Holds the plan of a recursive record; written once while planning, only read afterwards.
final class AvroPlanBox: @unchecked Sendable {
    var plan: AvroDecodePlan = .null
}
