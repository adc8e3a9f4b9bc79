import LagoaColumnar

/// Appends values from a parsed line (a tape) to column builders, following ``JSONDecodePlan``s.
///
/// Accepted JSON per type: booleans from `true`/`false`; integers from integer literals in range;
/// floats from any number or the strings `"NaN"`, `"Infinity"`, `"-Infinity"`; decimals from
/// numbers or numeric strings, exactly; dates, times and timestamps from ISO-8601 strings; binary
/// from base64 strings; numeric and boolean types also from strings holding such a literal; string
/// from a string's text or, for any other value, its compact JSON text; lists from arrays;
/// structs from objects (missing keys are null, unknown keys ignored, the last duplicate wins);
/// maps from objects or arrays of `{"key": …, "value": …}`. `null` is null for every type.
struct JSONRowDecoder {
    /// A value that does not fit its type; `path` lists field names from the top level down.
    struct Mismatch: Error {
        var path: [String]
        var expected: DataType
        var found: String
    }

    let view: JSONTapeView

    /// Appends the members of object `t` to `builders`, one per plan.
    func appendMembers(_ t: Int, plans: [JSONDecodePlan], builders: [ColumnBuilder], scratch: inout [UInt8]) throws(Mismatch) {
        let count = plans.count
        try withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { (slots) throws(Mismatch) in
            slots.initialize(repeating: -1)
            try appendMembers(t, plans: plans, builders: builders, slots: slots, scratch: &scratch)
        }
    }

    private func appendMembers(
        _ t: Int,
        plans: [JSONDecodePlan],
        builders: [ColumnBuilder],
        slots: UnsafeMutableBufferPointer<Int>,
        scratch: inout [UInt8]
    ) throws(Mismatch) {
        let count = plans.count
        var member = t + 1
        var predicted = 0
        for _ in 0..<view.tokens[t].count {
            let key = view.text(member)
            var found = -1
            if predicted < count && plans[predicted].matches(key) {
                found = predicted
            } else {
                for k in 0..<count where plans[k].matches(key) {
                    found = k
                    break
                }
            }
            if found >= 0 {
                slots[found] = member + 1
                predicted = found + 1
            }
            member = view.after(member + 1)
        }
        for k in 0..<count {
            if slots[k] < 0 {
                builders[k].appendNull()
            } else {
                do throws(Mismatch) {
                    try append(slots[k], plan: plans[k], builder: builders[k], scratch: &scratch)
                } catch {
                    var error = error
                    error.path.insert(plans[k].name, at: 0)
                    throw error
                }
            }
        }
    }

    /// Appends value `t` to `builder`.
    func append(_ t: Int, plan: JSONDecodePlan, builder: ColumnBuilder, scratch: inout [UInt8]) throws(Mismatch) {
        let token = view.tokens[t]
        if token.kind == .null {
            builder.appendNull()
            return
        }
        func mismatch() -> Mismatch { Mismatch(path: [], expected: plan.type, found: view.describe(t)) }
        switch plan.kind {
        case .string:
            if token.kind == .string {
                builder.appendBytes(UnsafeRawBufferPointer(view.text(t)))
            } else {
                scratch.removeAll(keepingCapacity: true)
                view.appendJSON(t, to: &scratch)
                scratch.withUnsafeBytes { builder.appendBytes($0) }
            }
        case .list:
            guard token.kind == .array else { throw mismatch() }
            var child = t + 1
            for _ in 0..<token.count {
                try append(child, plan: plan.children[0], builder: builder.children[0], scratch: &scratch)
                child = view.after(child)
            }
            builder.appendListEnd()
        case .struct:
            guard token.kind == .object else { throw mismatch() }
            try appendMembers(t, plans: plan.children, builders: builder.children, scratch: &scratch)
            builder.appendStructValid()
        case .map(let stringKeys):
            try appendMap(t, plan: plan, stringKeys: stringKeys, builder: builder, scratch: &scratch, mismatch)
        default:
            guard token.kind != .array && token.kind != .object else { throw mismatch() }
            guard try appendScalar(t, plan.kind, builder, &scratch) else { throw mismatch() }
        }
    }

    private func appendMap(
        _ t: Int,
        plan: JSONDecodePlan,
        stringKeys: Bool,
        builder: ColumnBuilder,
        scratch: inout [UInt8],
        _ mismatch: () -> Mismatch
    ) throws(Mismatch) {
        let token = view.tokens[t]
        let entries = builder.children[0]
        var member = t + 1
        if token.kind == .object && stringKeys {
            for _ in 0..<token.count {
                entries.children[0].appendBytes(UnsafeRawBufferPointer(view.text(member)))
                try append(member + 1, plan: plan.children[1], builder: entries.children[1], scratch: &scratch)
                entries.appendStructValid()
                member = view.after(member + 1)
            }
        } else if token.kind == .array {
            let keyValue = [plan.children[0], plan.children[1]]
            for _ in 0..<token.count {
                guard view.tokens[member].kind == .object else { throw mismatch() }
                try appendMembers(member, plans: keyValue, builders: entries.children, scratch: &scratch)
                guard entries.children[0].nullCount == 0 else { throw mismatch() }
                entries.appendStructValid()
                member = view.after(member)
            }
        } else {
            throw mismatch()
        }
        builder.appendListEnd()
    }

    /// Appends a scalar; `false` when the token does not fit the kind.
    private func appendScalar(_ t: Int, _ kind: JSONDecodePlan.Kind, _ builder: ColumnBuilder, _ scratch: inout [UInt8]) throws(Mismatch) -> Bool {
        let token = view.tokens[t]
        let text = view.text(t)
        let isNumber = token.kind == .number
        let isString = token.kind == .string
        switch kind {
        case .boolean:
            if token.kind == .true || token.kind == .false {
                builder.appendBool(token.kind == .true)
            } else if isString, let v = TextParsing.parseBool(text) {
                builder.appendBool(v)
            } else {
                return false
            }
        case .signed(let width):
            guard (isNumber && token.integer) || isString, let v = TextParsing.parseInt64(text) else { return false }
            switch width {
            case 1: guard let x = Int8(exactly: v) else { return false }; builder.appendFixed(x)
            case 2: guard let x = Int16(exactly: v) else { return false }; builder.appendFixed(x)
            case 4: guard let x = Int32(exactly: v) else { return false }; builder.appendFixed(x)
            default: builder.appendFixed(v)
            }
        case .unsigned(let width):
            guard (isNumber && token.integer) || isString, let v = TextParsing.parseUInt64(text) else { return false }
            switch width {
            case 1: guard let x = UInt8(exactly: v) else { return false }; builder.appendFixed(x)
            case 2: guard let x = UInt16(exactly: v) else { return false }; builder.appendFixed(x)
            case 4: guard let x = UInt32(exactly: v) else { return false }; builder.appendFixed(x)
            default: builder.appendFixed(v)
            }
        case .float32:
            guard isNumber || isString, let v = TextParsing.parseFloat32(text) else { return false }
            builder.appendFixed(v)
        case .float64:
            guard isNumber || isString, let v = TextParsing.parseFloat64(text) else { return false }
            builder.appendFixed(v)
        case .decimal(let precision, let scale):
            guard isNumber || isString, let v = TextParsing.parseDecimal(text, precision: precision, scale: scale) else {
                return false
            }
            builder.appendFixed(v)
        case .date32:
            guard isString, let v = TextParsing.parseDate(text) else { return false }
            builder.appendFixed(v)
        case .time64(let unit):
            guard isString, let v = TextParsing.parseTime(text, unit: unit) else { return false }
            builder.appendFixed(v)
        case .timestamp(let unit):
            guard isString, let v = TextParsing.parseTimestamp(text, unit: unit) else { return false }
            builder.appendFixed(v.value)
        case .binary, .fixedSizeBinary:
            scratch.removeAll(keepingCapacity: true)
            guard isString, Base64.decode(text, into: &scratch) else { return false }
            if case .fixedSizeBinary(let width) = kind {
                guard scratch.count == width else { return false }
                builder.append(.binary(scratch))
            } else {
                scratch.withUnsafeBytes { builder.appendBytes($0) }
            }
        case .string, .list, .struct, .map:
            return false
        }
        return true
    }
}
