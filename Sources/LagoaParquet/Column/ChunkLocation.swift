/// Where a column chunk being decoded sits, for error messages: every error raised while decoding
/// it gets the file, row group, column path and the byte offset of the failing page.
struct ChunkLocation: Sendable {
    var file: String
    var rowGroup: Int
    var column: String

    func annotate(_ error: ParquetError, offset: Int64?) -> ParquetError {
        var e = error.adding("file", file).adding("row group", String(rowGroup)).adding("column", column)
        if let offset { e = e.adding("byte offset", String(offset)) }
        return e
    }
}
