import LagoaColumnar

/// What the pages of one column chunk have decoded so far: levels, present values and the
/// dictionary.
struct PageDecodingState: ~Copyable {
    let descriptor: ColumnDescriptor
    /// Byte width of one physical value (bits for BOOLEAN are handled separately).
    let width: Int
    var dictionary: DictionaryValues?
    var definitionLevels: [UInt16] = []
    var repetitionLevels: [UInt16] = []
    var values: DecodedValues
    /// Level entries decoded so far.
    var entries = 0
    let expectedEntries: Int
    /// Largest number of bytes one page may decode to (``ParquetReadOptions/maxPageSize``).
    let maxPageSize: Int
    private var indexScratch: [UInt32] = []

    /// Values are reserved once for the whole chunk, up to this many entries (a hostile footer
    /// cannot make the reader allocate more up front; real growth beyond it is amortised).
    static let maxReservedEntries = 1 << 24

    init(descriptor: ColumnDescriptor, expectedEntries: Int, maxPageSize: Int = 1 << 30, byteArrayHint: Int = 0) {
        self.descriptor = descriptor
        self.expectedEntries = expectedEntries
        self.maxPageSize = maxPageSize
        switch descriptor.physicalType {
        case .int32, .float: width = 4
        case .int64, .double: width = 8
        case .int96: width = 12
        case .fixedLenByteArray: width = descriptor.typeLength
        default: width = 0
        }
        let capacity = min(expectedEntries, Self.maxReservedEntries)
        values = DecodedValues(physicalType: descriptor.physicalType, capacity: capacity, width: width)
        if descriptor.physicalType == .byteArray {
            values.data.reserve(min(byteArrayHint, 1 << 28))
        }
        if descriptor.maxDefinitionLevel > 0 { definitionLevels.reserveCapacity(capacity) }
        if descriptor.maxRepetitionLevel > 0 { repetitionLevels.reserveCapacity(capacity) }
    }

    /// Checks a page's entry count against what the chunk still expects.
    func checkedPageEntries(_ count: Int) throws(ParquetError) -> Int {
        guard count >= 0 else {
            throw ParquetError.corrupt("data page declares a negative number of values (\(count))")
        }
        guard count <= expectedEntries - entries else {
            throw ParquetError.corrupt("data page declares \(count) values but the column chunk has only \(expectedEntries - entries) left")
        }
        // RLE runs, dictionary indices and delta blocks can describe huge pages in a few bytes:
        // bound what one page may decode to before anything is allocated for it.
        let (bytes, overflow) = count.multipliedReportingOverflow(by: Swift.max(width, 8))
        guard !overflow, bytes <= maxPageSize else {
            throw ParquetError(.resourceLimit, "data page declares \(count) values, more than the \(maxPageSize)-byte page limit allows; the file is corrupt or hostile")
        }
        return count
    }

    private var maxLevel: (repetition: Int, definition: Int) {
        (descriptor.maxRepetitionLevel, descriptor.maxDefinitionLevel)
    }

    /// Decodes v1 levels (RLE with a length prefix, or the deprecated BIT_PACKED); returns bytes used.
    mutating func decodeLevelsV1(_ data: UnsafeRawBufferPointer, encoding: Encoding, count: Int, repetition: Bool) throws(ParquetError) -> Int {
        let maxLevel = repetition ? descriptor.maxRepetitionLevel : descriptor.maxDefinitionLevel
        let width = bitWidth(forMax: UInt64(maxLevel))
        let consumed: Int
        if encoding == .bitPacked {
            consumed = try appendLevels(repetition: repetition, count: count) { (out) throws(ParquetError) in
                let used = try BitPacking.decodeMSBFirst(data, count: count, bitWidth: width, into: out)
                for i in 0..<count where Int(out[i]) > maxLevel {
                    throw ParquetError.corrupt("level \(out[i]) is larger than the maximum level \(maxLevel)")
                }
                return used
            }
        } else if encoding == .rle {
            let (runs, used) = try RLEHybridDecoder.lengthPrefixed(data)
            _ = try appendLevels(repetition: repetition, count: count) { (out) throws(ParquetError) in
                var decoder = try RLEHybridDecoder(runs, bitWidth: width, valueCount: count)
                try decoder.decodeLevels(into: out, count: count, maxLevel: maxLevel)
                return 0
            }
            consumed = used
        } else {
            throw ParquetError.corrupt("\(repetition ? "repetition" : "definition") levels use encoding \(encoding), which is not valid for levels (RLE or BIT_PACKED)")
        }
        return consumed
    }

    /// Decodes v2 levels (RLE without a length prefix).
    mutating func decodeLevelsV2(_ data: UnsafeRawBufferPointer, count: Int, repetition: Bool) throws(ParquetError) {
        let maxLevel = repetition ? descriptor.maxRepetitionLevel : descriptor.maxDefinitionLevel
        let width = bitWidth(forMax: UInt64(maxLevel))
        _ = try appendLevels(repetition: repetition, count: count) { (out) throws(ParquetError) in
            var decoder = try RLEHybridDecoder(data, bitWidth: width, valueCount: count)
            try decoder.decodeLevels(into: out, count: count, maxLevel: maxLevel)
            return 0
        }
    }

    private mutating func appendLevels(
        repetition: Bool, count: Int, _ body: (UnsafeMutablePointer<UInt16>) throws(ParquetError) -> Int
    ) throws(ParquetError) -> Int {
        do throws(ParquetError) {
            return try appendLevelsUnlabelled(repetition: repetition, count: count, body)
        } catch {
            // Say which levels were bad: "corrupt Parquet file: definition levels: …".
            var labelled = error
            let prefix = "corrupt Parquet file: "
            let kind = repetition ? "repetition levels: " : "definition levels: "
            if labelled.message.hasPrefix(prefix) {
                labelled.message = prefix + kind + labelled.message.dropFirst(prefix.count)
            }
            throw labelled
        }
    }

    private mutating func appendLevelsUnlabelled(
        repetition: Bool, count: Int, _ body: (UnsafeMutablePointer<UInt16>) throws(ParquetError) -> Int
    ) throws(ParquetError) -> Int {
        var levels = repetition ? repetitionLevels : definitionLevels
        if repetition { repetitionLevels = [] } else { definitionLevels = [] }
        let start = levels.count
        levels.append(contentsOf: repeatElement(0, count: count))
        var result: Result<Int, ParquetError> = .success(0)
        levels.withUnsafeMutableBufferPointer { buffer in
            do throws(ParquetError) {
                result = .success(try body(buffer.baseAddress! + start))
            } catch {
                result = .failure(error)
            }
        }
        if repetition { repetitionLevels = levels } else { definitionLevels = levels }
        return try result.get()
    }

    /// Decodes the values of a data page holding `entries` level entries.
    mutating func decodeValues(_ data: UnsafeRawBufferPointer, encoding: Encoding, entries pageEntries: Int) throws(ParquetError) {
        var present = pageEntries
        if descriptor.maxDefinitionLevel > 0 {
            let maxDef = UInt16(descriptor.maxDefinitionLevel)
            present = 0
            definitionLevels.withUnsafeBufferPointer { levels in
                for i in (levels.count - pageEntries)..<levels.count {
                    present &+= levels[i] == maxDef ? 1 : 0
                }
            }
        }
        if descriptor.maxRepetitionLevel > 0, entries == 0, pageEntries > 0, repetitionLevels.first != 0 {
            throw ParquetError.corrupt("the first repetition level of the column chunk is \(repetitionLevels[0]), expected 0")
        }
        switch encoding {
        case .plainDictionary, .rleDictionary:
            guard descriptor.physicalType != .boolean else {
                throw ParquetError.corrupt("BOOLEAN values cannot be dictionary-encoded")
            }
            guard let dictionary else {
                throw ParquetError.corrupt("dictionary-encoded data page without a dictionary page")
            }
            var decoder = try RLEHybridDecoder.dictionaryIndices(data, valueCount: present)
            if indexScratch.count < present { indexScratch = [UInt32](repeating: 0, count: present) }
            var scratch = indexScratch
            indexScratch = []
            defer { indexScratch = scratch }
            try scratch.withUnsafeMutableBufferPointer { (buffer) throws(ParquetError) in
                try decoder.decodeDictionaryIndices(into: buffer.baseAddress!, count: present, dictionaryCount: dictionary.count)
                dictionary.gather(UnsafeBufferPointer(rebasing: buffer[0..<present]), width: width, into: &values)
            }
        default:
            try ValueDecoding.decode(data, encoding: encoding, count: present, descriptor: descriptor, width: width, into: &values)
        }
        entries += pageEntries
    }

    /// Converts what was decoded into leaf data.
    consuming func finish() throws(ParquetError) -> LeafData {
        let entries = self.entries
        let def = descriptor.maxDefinitionLevel > 0 ? definitionLevels : nil
        let rep = descriptor.maxRepetitionLevel > 0 ? repetitionLevels : nil
        let descriptor = self.descriptor
        let dense = try PhysicalConverter.column(values, descriptor: descriptor)
        return LeafData(entryCount: entries, definitionLevels: def, repetitionLevels: rep, dense: dense)
    }
}
