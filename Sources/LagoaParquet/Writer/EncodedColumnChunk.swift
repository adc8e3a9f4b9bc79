/// A column chunk encoded in memory, ready to be appended to the file.
///
/// Offsets inside (``metaData``'s page offsets, ``pageLocations``) are relative to the chunk's
/// first byte until ``placed(at:)`` moves them to the file position.
struct EncodedColumnChunk: Sendable {
    /// The dictionary page with its header, or empty.
    var dictionaryPage: [UInt8]
    /// The data pages with their headers, back to back.
    var dataPages: [UInt8]
    var metaData: ColumnMetaData
    /// One entry per data page, for the offset index.
    var pageLocations: [PageLocation]
    /// The chunk's column index, when the page index is written and every page has bounds.
    var columnIndex: ColumnIndex?

    /// Bytes the chunk occupies in the file.
    var byteCount: Int { dictionaryPage.count + dataPages.count }

    /// The chunk's metadata and offset index once it starts at file offset `offset`.
    /// - Complexity: O(pages).
    func placed(at offset: Int64) -> (chunk: ColumnChunk, offsetIndex: OffsetIndex) {
        var meta = metaData
        meta.dataPageOffset += offset
        if let dictionary = meta.dictionaryPageOffset { meta.dictionaryPageOffset = dictionary + offset }
        let locations = pageLocations.map {
            PageLocation(offset: $0.offset + offset, compressedPageSize: $0.compressedPageSize, firstRowIndex: $0.firstRowIndex)
        }
        let chunk = ColumnChunk(fileOffset: offset, metaData: meta)
        return (chunk, OffsetIndex(pageLocations: locations))
    }
}
