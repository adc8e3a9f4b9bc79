import LagoaCore

/// The column and offset indexes of one column chunk, read on demand for page skipping.
struct ChunkPageIndex: Sendable {
    var offsets: OffsetIndex
    var columns: ColumnIndex?

    /// Row range of page `p` in a row group of `rows` rows.
    func rows(ofPage p: Int, rowGroupRows rows: Int) -> Range<Int> {
        let locations = offsets.pageLocations
        let start = Int(locations[p].firstRowIndex)
        let end = p + 1 < locations.count ? Int(locations[p + 1].firstRowIndex) : rows
        return start..<Swift.max(start, end)
    }

    /// Reads the offset index (and column index, when `withColumnIndex`) of `chunk`; `nil` when the
    /// file has none.
    static func read(_ chunk: ColumnChunk, from reader: ParquetFileReader, withColumnIndex: Bool, location: ChunkLocation) async throws -> ChunkPageIndex? {
        guard let offsetAt = chunk.offsetIndexOffset, let offsetLength = chunk.offsetIndexLength else { return nil }
        let offsets: OffsetIndex = try await readStruct(offsetAt, Int(offsetLength), reader, "offset index", location)
        var columns: ColumnIndex? = nil
        if withColumnIndex, let at = chunk.columnIndexOffset, let length = chunk.columnIndexLength {
            columns = try await readStruct(at, Int(length), reader, "column index", location)
            if let c = columns, c.minValues.count != offsets.pageLocations.count || c.maxValues.count != c.minValues.count || c.nullPages.count != c.minValues.count {
                throw location.annotate(ParquetError.corrupt("the column index describes \(c.minValues.count) pages but the offset index \(offsets.pageLocations.count)"), offset: at)
            }
        }
        var previous: Int64 = -1
        for page in offsets.pageLocations {
            guard page.firstRowIndex > previous, page.offset >= 4, page.compressedPageSize > 0,
                  page.offset + Int64(page.compressedPageSize) <= reader.fileSize - 8
            else {
                throw location.annotate(ParquetError.corrupt("the offset index has an invalid page location (offset \(page.offset), \(page.compressedPageSize) bytes, first row \(page.firstRowIndex))"), offset: offsetAt)
            }
            previous = page.firstRowIndex
        }
        return ChunkPageIndex(offsets: offsets, columns: columns)
    }

    private static func readStruct<T: ThriftStruct>(_ offset: Int64, _ length: Int, _ reader: ParquetFileReader, _ what: String, _ location: ChunkLocation) async throws -> T {
        guard offset >= 4, length > 0, offset + Int64(length) <= reader.fileSize - 8 else {
            throw location.annotate(ParquetError.corrupt("the \(what) of \(length) bytes at offset \(offset) lies outside the file"), offset: offset)
        }
        let bytes = try await reader.source.read(offset: offset, length: length)
        do throws(ParquetError) {
            return try T.decode(bytes, what: "the \(what)")
        } catch {
            throw location.annotate(error, offset: offset)
        }
    }
}
