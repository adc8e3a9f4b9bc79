/// Decodes values following an ``AvroDecodePlan``.
struct AvroDatumDecoder {
    /// Most items one array or map may hold when its items can take zero bytes (arrays of `null`);
    /// other counts are bounded by the bytes left.
    var maximumZeroSizeItems: Int = 1 << 24

    func decode(_ plan: AvroDecodePlan, _ cursor: inout AvroCursor) throws(AvroError) -> AvroValue {
        switch plan {
        case .null: return .null
        case .boolean: return .boolean(try cursor.readBoolean())
        case .int: return .int(try cursor.readInt())
        case .long: return .long(try cursor.readLong())
        case .float: return .float(try cursor.readFloat())
        case .double: return .double(try cursor.readDouble())
        case .bytes: return .bytes(try cursor.readBytes())
        case .string: return .string(try cursor.readString())
        case .fixed(let size): return .fixed(try cursor.readFixed(size))
        case .intAsLong: return .long(Int64(try cursor.readInt()))
        case .intAsFloat: return .float(Float(try cursor.readInt()))
        case .intAsDouble: return .double(Double(try cursor.readInt()))
        case .longAsFloat: return .float(Float(try cursor.readLong()))
        case .longAsDouble: return .double(Double(try cursor.readLong()))
        case .floatAsDouble: return .double(Double(try cursor.readFloat()))
        case .bytesAsString: return .string(try cursor.readString())
        case .stringAsBytes: return .bytes(try cursor.readBytes())
        case .enumeration(let symbols, let writerSymbols, let readerName):
            let index = try cursor.readLong()
            guard index >= 0, index < Int64(symbols.count) else {
                throw AvroError(.corruptFile, "enum index \(index) is out of range (the writer enum has \(symbols.count) symbols)")
            }
            guard let value = symbols[Int(index)] else {
                throw AvroError(
                    .schemaMismatch,
                    "writer symbol '\(writerSymbols[Int(index)])' is not in reader enum '\(readerName)', which has no default")
            }
            return value
        case .array(let items, let minimumItemSize):
            var values: [AvroValue] = []
            while true {
                let count = try blockCount(&cursor, minimumItemSize: minimumItemSize, already: values.count)
                if count == 0 { break }
                values.reserveCapacity(values.count + count)
                for _ in 0..<count { values.append(try decode(items, &cursor)) }
            }
            return .array(values)
        case .map(let valuePlan):
            var entries: [AvroMapEntry] = []
            while true {
                let count = try blockCount(&cursor, minimumItemSize: 1, already: entries.count)
                if count == 0 { break }
                entries.reserveCapacity(entries.count + count)
                for _ in 0..<count {
                    let key = try cursor.readString()
                    entries.append(AvroMapEntry(key: key, value: try decode(valuePlan, &cursor)))
                }
            }
            return .map(entries)
        case .record(let record):
            var values = record.template
            for step in record.steps {
                switch step {
                case .read(let field, let index): values[index] = try decode(field, &cursor)
                case .skip(let field): try skip(field, &cursor)
                }
            }
            return .record(values)
        case .union(let branches):
            let index = try cursor.readLong()
            guard index >= 0, index < Int64(branches.count) else {
                throw AvroError(.corruptFile, "union branch \(index) is out of range (the writer union has \(branches.count) branches)")
            }
            return try decode(branches[Int(index)], &cursor)
        case .fail(let error): throw error
        case .recursive(let box): return try decode(box.plan, &cursor)
        }
    }

    /// Reads an array or map block header; returns the item count (0 at the end).
    @inline(__always)
    private func blockCount(_ cursor: inout AvroCursor, minimumItemSize: Int, already: Int) throws(AvroError) -> Int {
        var count = try cursor.readLong()
        if count < 0 {
            guard count != Int64.min else { throw AvroError(.corruptFile, "invalid block count \(count) at byte \(cursor.position)") }
            count = -count
            let size = try cursor.readLong()
            guard size >= 0 else { throw AvroError(.corruptFile, "negative block size \(size) at byte \(cursor.position)") }
        }
        if minimumItemSize > 0 {
            guard count <= Int64(cursor.remaining / minimumItemSize) else {
                throw AvroError(
                    .corruptFile,
                    "block of \(count) items at byte \(cursor.position) needs at least \(count) × \(minimumItemSize) bytes, only \(cursor.remaining) are left")
            }
        } else if count > Int64(maximumZeroSizeItems - already) {
            throw AvroError(.resourceLimit, "array of more than \(maximumZeroSizeItems) empty items at byte \(cursor.position)")
        }
        return Int(count)
    }

    /// Moves past one value without building it.
    func skip(_ plan: AvroDecodePlan, _ cursor: inout AvroCursor) throws(AvroError) {
        switch plan {
        case .null: break
        case .boolean: _ = try cursor.readBoolean()
        case .int, .long, .intAsLong, .intAsFloat, .intAsDouble, .longAsFloat, .longAsDouble: _ = try cursor.readLong()
        case .float, .floatAsDouble: try cursor.skip(4)
        case .double: try cursor.skip(8)
        case .bytes, .string, .bytesAsString, .stringAsBytes: try cursor.skip(try cursor.readLength("bytes"))
        case .fixed(let size): try cursor.skip(size)
        case .enumeration: _ = try cursor.readLong()
        case .array(let items, let minimumItemSize):
            var seen = 0
            while true {
                let count = try blockCount(&cursor, minimumItemSize: minimumItemSize, already: seen)
                if count == 0 { break }
                seen += count
                for _ in 0..<count { try skip(items, &cursor) }
            }
        case .map(let values):
            var seen = 0
            while true {
                let count = try blockCount(&cursor, minimumItemSize: 1, already: seen)
                if count == 0 { break }
                seen += count
                for _ in 0..<count {
                    try cursor.skip(try cursor.readLength("string"))
                    try skip(values, &cursor)
                }
            }
        case .record(let record):
            for step in record.steps {
                switch step {
                case .read(let field, _), .skip(let field): try skip(field, &cursor)
                }
            }
        case .union(let branches):
            let index = try cursor.readLong()
            guard index >= 0, index < Int64(branches.count) else {
                throw AvroError(.corruptFile, "union branch \(index) is out of range (the writer union has \(branches.count) branches)")
            }
            try skip(branches[Int(index)], &cursor)
        case .fail:
            // Skipped data is never resolved, so an unresolvable branch does not matter here.
            break
        case .recursive(let box): try skip(box.plan, &cursor)
        }
    }
}
