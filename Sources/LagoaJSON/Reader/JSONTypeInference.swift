import LagoaColumnar

/// The type of a JSON value as inferred so far, merged value by value over the sample.
///
/// Merging: null joins anything; int64 widens to float64; the strings `"NaN"`, `"Infinity"` and
/// `"-Infinity"` (how ``JSONLinesWriter`` writes non-finite floats) join numbers as float64; date
/// widens to timestamp; objects take
/// the union of their keys in first-seen order; arrays merge their elements. Anything else
/// incompatible (a number and a string, an array and an object, zoned and naive timestamps)
/// becomes string, which holds strings as their text and other values as compact JSON text.
indirect enum JSONInferredType: Sendable {
    case null
    case boolean, int64, float64, string
    /// Only the strings `"NaN"`, `"Infinity"`, `"-Infinity"` so far.
    case nonFiniteFloat
    case date
    case timestamp(zoned: Bool)
    case list(JSONInferredType)
    case object(JSONInferredObject)

    /// Merges value `t` of the tape into this type.
    /// - Complexity: O(size of the value), plus a dictionary lookup per object key.
    mutating func absorb(_ view: JSONTapeView, _ t: Int, temporal: Bool) {
        let token = view.tokens[t]
        switch token.kind {
        case .null:
            return
        case .true, .false:
            merge(.boolean)
        case .number:
            merge(token.integer && TextParsing.parseInt64(view.text(t)) != nil ? .int64 : .float64)
        case .string:
            merge(Self.classify(view.text(t), temporal: temporal))
        case .array:
            if case .null = self { self = .list(.null) }
            guard case .list(var element) = self else {
                self = .string
                return
            }
            self = .null
            var child = t + 1
            for _ in 0..<token.count {
                element.absorb(view, child, temporal: temporal)
                child = view.after(child)
            }
            self = .list(element)
        case .object:
            if case .null = self { self = .object(JSONInferredObject()) }
            guard case .object(var object) = self else {
                self = .string
                return
            }
            self = .null
            object.absorbMembers(view, t, temporal: temporal)
            self = .object(object)
        }
    }

    private static let nonFiniteTexts: [[UInt8]] = ["NaN", "Infinity", "-Infinity"].map { Array($0.utf8) }

    private static func classify(_ text: UnsafeBufferPointer<UInt8>, temporal: Bool) -> JSONInferredType {
        if nonFiniteTexts.contains(where: { $0.elementsEqual(text) }) { return .nonFiniteFloat }
        guard temporal, text.count >= 10, text[4] == 0x2D else { return .string }
        if TextParsing.parseDate(text) != nil { return .date }
        if let value = TextParsing.parseTimestamp(text, unit: .microsecond), value.hasTime {
            return .timestamp(zoned: value.zoned)
        }
        return .string
    }

    private mutating func merge(_ other: JSONInferredType) {
        switch (self, other) {
        case (.null, _): self = other
        case (.boolean, .boolean), (.int64, .int64), (.float64, .float64), (.string, .string), (.date, .date): break
        case (.nonFiniteFloat, .nonFiniteFloat): break
        case (.int64, .float64), (.int64, .nonFiniteFloat), (.nonFiniteFloat, .int64), (.nonFiniteFloat, .float64):
            self = .float64
        case (.float64, .int64), (.float64, .nonFiniteFloat): break
        case (.date, .timestamp): self = other
        case (.timestamp, .date): break
        case (.timestamp(let a), .timestamp(let b)): if a != b { self = .string }
        default: self = .string
        }
    }

    /// The Arrow type: all-null values and empty objects become string, dates `date32`,
    /// timestamps `timestamp[us]` (with `UTC` when zoned), list elements are named `item`.
    var dataType: DataType {
        switch self {
        case .null, .string, .nonFiniteFloat: .string
        case .boolean: .boolean
        case .int64: .int64
        case .float64: .float64
        case .date: .date32
        case .timestamp(let zoned): .timestamp(.microsecond, timeZone: zoned ? "UTC" : nil)
        case .list(let element): .list(Field("item", element.dataType, nullable: true))
        case .object(let object): object.names.isEmpty ? .string : .struct(object.fields)
        }
    }
}

/// The inferred fields of an object, in first-seen order.
struct JSONInferredObject: Sendable {
    private(set) var names: [String] = []
    private var index: [String: Int] = [:]
    private var types: [JSONInferredType] = []

    /// Merges the members of object token `t` into the fields.
    mutating func absorbMembers(_ view: JSONTapeView, _ t: Int, temporal: Bool) {
        var member = t + 1
        for _ in 0..<view.tokens[t].count {
            let name = String(decoding: view.text(member), as: UTF8.self)
            let k: Int
            if let existing = index[name] {
                k = existing
            } else {
                k = names.count
                names.append(name)
                index[name] = k
                types.append(.null)
            }
            types[k].absorb(view, member + 1, temporal: temporal)
            member = view.after(member + 1)
        }
    }

    /// One nullable field per name (a sample cannot prove that later rows have no nulls).
    var fields: [Field] {
        zip(names, types).map { Field($0, $1.dataType, nullable: true) }
    }
}
