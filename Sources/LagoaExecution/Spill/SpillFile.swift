public import LagoaColumnar
#if canImport(Glibc)
import Glibc
#endif

/// A temporary file of record batches that an operator writes when it runs out of memory and
/// reads back later, in order. The file is removed when the ``SpillFile`` is released (or
/// explicitly with ``remove()``).
///
/// The format is Lagoa's own and private to one process: per batch, the row count, then every
/// column as its buffers (validity, values, data) and children, recursively. Batches read back
/// are bit-identical to those written (slices are compacted first).
public final class SpillFile: @unchecked Sendable {
    // One writer, then readers, never both at the same time (the owning operator sequences them).
    public let path: String
    public let schema: Schema
    private var handle: UnsafeMutablePointer<FILE>?
    /// Bytes written so far.
    public private(set) var bytesWritten = 0
    /// Batches written so far.
    public private(set) var batchCount = 0
    private var removed = false

    /// Creates an empty spill file in `directory`.
    /// - Throws: ``ExecutionError`` (`io`) when the file cannot be created.
    public init(directory: String, schema: Schema, prefix: String = "lagoa-spill") throws {
        var template = Array("\(directory)/\(prefix)-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw ExecutionError(.io, "cannot create a spill file in \(directory): \(String(cString: strerror(errno))); set a writable spill directory")
        }
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        handle = fdopen(fd, "w+b")
        self.schema = schema
    }

    deinit { remove() }

    /// Deletes the file (idempotent).
    public func remove() {
        if let handle { fclose(handle) }
        handle = nil
        if !removed {
            unlink(path)
            removed = true
        }
    }

    /// Appends one batch.
    /// - Throws: ``ExecutionError`` (`io`) when the disk is full or the file was removed.
    public func write(_ batch: RecordBatch) throws {
        guard let handle else { throw ExecutionError(.io, "spill file \(path) is closed") }
        var out = SpillEncoder()
        out.int(batch.rowCount)
        for column in batch.columns { out.column(column) }
        let written = out.bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        guard written == out.bytes.count else {
            throw ExecutionError(.io, "cannot write \(out.bytes.count) bytes to spill file \(path): \(String(cString: strerror(errno))); free disk space or raise --memory-limit")
        }
        bytesWritten += written
        batchCount += 1
    }

    /// Reads the batches back from the start, one at a time.
    public func makeReader() throws -> Reader {
        guard let handle else { throw ExecutionError(.io, "spill file \(path) is closed") }
        fflush(handle)
        return Reader(file: self, path: path)
    }

    /// Reads a spill file's batches in the order written.
    public final class Reader {
        private let file: SpillFile
        private let handle: UnsafeMutablePointer<FILE>?
        private var remaining: Int

        init(file: SpillFile, path: String) {
            self.file = file
            self.handle = fopen(path, "rb")
            self.remaining = file.batchCount
        }

        deinit { if let handle { fclose(handle) } }

        /// The next batch, or `nil` after the last.
        /// - Throws: ``ExecutionError`` (`io`) when the file is truncated.
        public func next() throws -> RecordBatch? {
            guard remaining > 0 else { return nil }
            guard let handle else { throw ExecutionError(.io, "cannot open spill file \(file.path) for reading") }
            remaining -= 1
            var decoder = SpillDecoder(handle: handle, path: file.path)
            let rows = try decoder.int()
            let columns = try file.schema.fields.map { try decoder.column($0.type) }
            return RecordBatch(schema: file.schema, columns: columns, rowCount: rows)
        }

        /// The next batches joined into one of at least `rows` rows (fewer at the end), or `nil`
        /// after the last: bucket files hold many small batches, which cost more to process one
        /// by one than to join up.
        /// - Throws: ``ExecutionError`` (`io`) when the file is truncated.
        func next(coalescingTo rows: Int) throws -> RecordBatch? {
            var parts: [RecordBatch] = []
            var count = 0
            while count < rows, let part = try next() {
                parts.append(part)
                count += part.rowCount
            }
            return parts.isEmpty ? nil : BatchConcatenation.concatenate(parts, schema: file.schema)
        }
    }
}

/// Serialises columns for ``SpillFile``.
struct SpillEncoder {
    var bytes: [UInt8] = []

    mutating func int(_ v: Int) {
        withUnsafeBytes(of: Int64(v).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func buffer(_ b: UnsafeRawBufferPointer?) {
        guard let b else {
            int(-1)
            return
        }
        int(b.count)
        bytes.append(contentsOf: b)
    }

    mutating func column(_ input: Column) {
        // Compact slices so buffers start at value 0.
        let c = input.offset == 0 ? input : input.take(Array(0..<input.count))
        int(c.count)
        int(c.nullCount)
        buffer(c.validity.map { UnsafeRawBufferPointer(start: $0.pointer, count: min($0.count, Bitmap.byteCount(c.count))) })
        buffer(c.values?.bytes)
        buffer(c.data?.bytes)
        int(c.children.count)
        for child in c.children { column(child) }
    }
}

/// Reads what ``SpillEncoder`` wrote.
struct SpillDecoder {
    let handle: UnsafeMutablePointer<FILE>
    let path: String

    mutating func int() throws -> Int {
        var v: Int64 = 0
        let n = withUnsafeMutableBytes(of: &v) { fread($0.baseAddress, 1, 8, handle) }
        guard n == 8 else { throw ExecutionError(.io, "spill file \(path) is truncated") }
        return Int(Int64(littleEndian: v))
    }

    mutating func buffer() throws -> Buffer? {
        let count = try int()
        guard count >= 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: count)
        let n = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, count, handle) }
        guard n == count else { throw ExecutionError(.io, "spill file \(path) is truncated") }
        return Buffer(bytes)
    }

    mutating func column(_ type: DataType) throws -> Column {
        let count = try int()
        let nulls = try int()
        let validity = try buffer()
        let values = try buffer()
        let data = try buffer()
        let childCount = try int()
        let childTypes: [DataType]
        switch type {
        case .list(let f): childTypes = [f.type]
        case .struct(let fields): childTypes = fields.map(\.type)
        case .map(let k, let v, _): childTypes = [.struct([k, v])]
        default: childTypes = []
        }
        guard childTypes.count == childCount else { throw ExecutionError(.io, "spill file \(path) does not match its schema") }
        let children = try childTypes.map { try column($0) }
        return Column(type: type, count: count, nullCount: nulls, validity: validity, values: values, data: data, children: children)
    }
}
