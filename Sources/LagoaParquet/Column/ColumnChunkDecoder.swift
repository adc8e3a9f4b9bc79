import LagoaColumnar
import LagoaCompression

/// Decodes every page of one column chunk into a ``LeafData``: levels and dense Arrow values.
///
/// Handles dictionary pages, data pages v1 and v2, every value encoding, and skips index pages and
/// unknown page types. Every size read from the file is checked before it is used, and no page may
/// claim more than ``ParquetReadOptions/maxPageSize`` uncompressed bytes (decompression bombs).
struct ColumnChunkDecoder {
    let descriptor: ColumnDescriptor
    let codec: LagoaCompression.CompressionCodec
    let location: ChunkLocation
    /// The number of level entries (`num_values`) the chunk's metadata declares.
    let declaredValues: Int
    let maxPageSize: Int
    /// Expected bytes of BYTE_ARRAY data (the chunk's uncompressed size), to reserve once.
    var byteArrayHint = 0
    /// For a buffer assembled from separately read pages: where each piece starts in the buffer
    /// and in the file, so errors name true file offsets. Empty when the buffer is one range.
    var segments: [(bufferStart: Int, fileOffset: Int64)] = []

    private func fileOffset(of position: Int, base: Int64) -> Int64 {
        guard let segment = segments.last(where: { $0.bufferStart <= position }) else { return base + Int64(position) }
        return segment.fileOffset + Int64(position - segment.bufferStart)
    }

    /// Decodes the chunk whose bytes are `bytes`, starting at file offset `fileOffset`.
    /// - Throws: ``ParquetError`` naming the file, row group, column and page offset.
    func decode(_ bytes: UnsafeRawBufferPointer, fileOffset: Int64) throws(ParquetError) -> LeafData {
        var state = PageDecodingState(descriptor: descriptor, expectedEntries: declaredValues, maxPageSize: maxPageSize, byteArrayHint: byteArrayHint)
        var scratch = MutableBuffer(capacity: 0)
        var position = 0
        var pageStart = 0
        do throws(ParquetError) {
            while state.entries < declaredValues {
                pageStart = position
                guard position < bytes.count else {
                    throw ParquetError.corrupt("the column chunk ends after \(state.entries) of its \(declaredValues) values")
                }
                let (header, headerSize) = try PageHeader.decode(
                    UnsafeRawBufferPointer(rebasing: bytes[position...]), what: "page header")
                position += headerSize
                let compressedSize = Int(header.compressedPageSize)
                let uncompressedSize = Int(header.uncompressedPageSize)
                guard compressedSize >= 0, uncompressedSize >= 0 else {
                    throw ParquetError.corrupt("page header has negative sizes (\(compressedSize) compressed, \(uncompressedSize) uncompressed)")
                }
                guard compressedSize <= bytes.count - position else {
                    throw ParquetError.corrupt("page of \(compressedSize) bytes runs past the end of the column chunk (\(bytes.count - position) bytes left)")
                }
                guard uncompressedSize <= maxPageSize else {
                    throw ParquetError(.resourceLimit, "page claims \(uncompressedSize) uncompressed bytes, more than the limit of \(maxPageSize); the file is corrupt or was written with huge pages")
                }
                let body = UnsafeRawBufferPointer(rebasing: bytes[position..<(position + compressedSize)])
                position += compressedSize
                switch header.type {
                case .dictionaryPage:
                    try decodeDictionaryPage(header, body, &state, &scratch)
                case .dataPage:
                    try decodeDataPageV1(header, body, &state, &scratch)
                case .dataPageV2:
                    try decodeDataPageV2(header, body, &state, &scratch)
                default:
                    continue
                }
            }
        } catch {
            throw location.annotate(error, offset: self.fileOffset(of: pageStart, base: fileOffset))
        }
        do throws(ParquetError) {
            return try state.finish()
        } catch {
            throw location.annotate(error, offset: nil)
        }
    }

    /// Hands the uncompressed bytes of a page body to `use`: the body itself when the chunk is not
    /// compressed, otherwise `scratch` (reused across the chunk's pages, so no page allocates).
    private func withDecompressed(
        _ body: UnsafeRawBufferPointer, size: Int, scratch: inout MutableBuffer,
        _ use: (UnsafeRawBufferPointer) throws(ParquetError) -> Void
    ) throws(ParquetError) {
        if case .uncompressed = codec {
            guard body.count == size else {
                throw ParquetError.corrupt("uncompressed page holds \(body.count) bytes, its header says \(size)")
            }
            try use(body)
            return
        }
        if scratch.capacity < size {
            scratch.count = 0
            scratch.reserve(size)
        }
        do throws(CompressionError) {
            try codec.decompress(body, into: UnsafeMutableRawBufferPointer(start: scratch.pointer, count: size))
        } catch {
            throw ParquetError(error.isLimit ? .resourceLimit : .corruptFile, "corrupt Parquet file: cannot decompress \(codec) page: \(error.message)")
        }
        try use(UnsafeRawBufferPointer(start: scratch.pointer, count: size))
    }

    private func decodeDictionaryPage(
        _ header: PageHeader, _ body: UnsafeRawBufferPointer, _ state: inout PageDecodingState, _ scratch: inout MutableBuffer
    ) throws(ParquetError) {
        guard let dictionaryHeader = header.dictionaryPageHeader else {
            throw ParquetError.corrupt("dictionary page without a dictionary_page_header")
        }
        guard state.dictionary == nil else {
            throw ParquetError.corrupt("column chunk has a second dictionary page")
        }
        let count = Int(dictionaryHeader.numValues)
        guard count >= 0 else { throw ParquetError.corrupt("dictionary page declares \(count) values") }
        try withDecompressed(body, size: Int(header.uncompressedPageSize), scratch: &scratch) { (data) throws(ParquetError) in
            var values = DecodedValues(physicalType: descriptor.physicalType, capacity: min(count, data.count + 1), width: state.width)
            try ValueDecoding.plain(data, count: count, descriptor: descriptor, width: state.width, into: &values)
            state.dictionary = DictionaryValues(values)
        }
    }

    private func decodeDataPageV1(
        _ header: PageHeader, _ body: UnsafeRawBufferPointer, _ state: inout PageDecodingState, _ scratch: inout MutableBuffer
    ) throws(ParquetError) {
        guard let dataHeader = header.dataPageHeader else {
            throw ParquetError.corrupt("data page without a data_page_header")
        }
        let count = try state.checkedPageEntries(Int(dataHeader.numValues))
        try withDecompressed(body, size: Int(header.uncompressedPageSize), scratch: &scratch) { (data) throws(ParquetError) in
            var position = 0
            if descriptor.maxRepetitionLevel > 0 {
                position += try state.decodeLevelsV1(data, encoding: dataHeader.repetitionLevelEncoding, count: count, repetition: true)
            }
            if descriptor.maxDefinitionLevel > 0 {
                position += try state.decodeLevelsV1(
                    UnsafeRawBufferPointer(rebasing: data[position...]), encoding: dataHeader.definitionLevelEncoding, count: count, repetition: false)
            }
            try state.decodeValues(UnsafeRawBufferPointer(rebasing: data[position...]), encoding: dataHeader.encoding, entries: count)
        }
    }

    private func decodeDataPageV2(
        _ header: PageHeader, _ body: UnsafeRawBufferPointer, _ state: inout PageDecodingState, _ scratch: inout MutableBuffer
    ) throws(ParquetError) {
        guard let v2 = header.dataPageHeaderV2 else {
            throw ParquetError.corrupt("data page v2 without a data_page_header_v2")
        }
        let count = try state.checkedPageEntries(Int(v2.numValues))
        let repLength = Int(v2.repetitionLevelsByteLength)
        let defLength = Int(v2.definitionLevelsByteLength)
        guard repLength >= 0, defLength >= 0, repLength + defLength <= body.count, repLength + defLength <= Int(header.uncompressedPageSize) else {
            throw ParquetError.corrupt("data page v2 level lengths (\(repLength) + \(defLength) bytes) exceed the page (\(body.count) bytes)")
        }
        if descriptor.maxRepetitionLevel > 0 {
            try state.decodeLevelsV2(UnsafeRawBufferPointer(rebasing: body[0..<repLength]), count: count, repetition: true)
        }
        if descriptor.maxDefinitionLevel > 0 {
            try state.decodeLevelsV2(UnsafeRawBufferPointer(rebasing: body[repLength..<(repLength + defLength)]), count: count, repetition: false)
        }
        let valuesBody = UnsafeRawBufferPointer(rebasing: body[(repLength + defLength)...])
        let valuesSize = Int(header.uncompressedPageSize) - repLength - defLength
        if v2.isCompressed ?? true {
            try withDecompressed(valuesBody, size: valuesSize, scratch: &scratch) { (data) throws(ParquetError) in
                try state.decodeValues(data, encoding: v2.encoding, entries: count)
            }
        } else {
            try state.decodeValues(valuesBody, encoding: v2.encoding, entries: count)
        }
    }
}
