/// Decodes the blocks of an ``AvroFileReader`` one after another.
public struct AvroBlockIterator: Sendable {
    private let file: AvroFileReader
    private let plan: AvroDecodePlan
    private let decoder: AvroDatumDecoder
    private var position: Int
    /// Number of blocks read so far.
    public private(set) var blockNumber = 0

    init(file: AvroFileReader, plan: AvroDecodePlan) {
        self.file = file
        self.plan = plan
        decoder = AvroDatumDecoder(maximumZeroSizeItems: file.limits.maximumZeroSizeItems)
        position = file.dataStart
    }

    /// The records of the next block, or `nil` after the last one.
    /// - Throws: ``AvroError`` naming the file and the block (counted from 1).
    public mutating func next() throws(AvroError) -> [AvroValue]? {
        guard position < file.bytes.count else { return nil }
        blockNumber += 1
        let name = file.name
        let block = blockNumber
        let (records, end) = try file.bytes.withAvroBytes { raw throws(AvroError) -> ([AvroValue], Int) in
            var cursor = AvroCursor(raw)
            cursor.position = position
            let count: Int64
            let size: Int64
            do throws(AvroError) {
                count = try cursor.readLong()
                size = try cursor.readLong()
            } catch {
                throw AvroError(.corruptFile, "'\(name)': block \(block) header is truncated at byte \(cursor.position) (truncated file)")
            }
            guard count >= 0 else { throw AvroError(.corruptFile, "'\(name)': block \(block) has a negative object count \(count)") }
            guard size >= 0 else { throw AvroError(.corruptFile, "'\(name)': block \(block) has a negative size \(size)") }
            guard size <= Int64(cursor.remaining) else {
                throw AvroError(.corruptFile, "'\(name)': block \(block) ends after \(cursor.remaining) of \(size) bytes (truncated file)")
            }
            let start = cursor.position
            let stop = start + Int(size)
            guard cursor.count - stop >= 16 else {
                throw AvroError(.corruptFile, "'\(name)': the sync marker after block \(block) is missing (truncated file)")
            }
            guard raw[stop..<stop + 16].elementsEqual(file.syncMarker) else {
                throw AvroError(.corruptFile, "'\(name)': sync marker mismatch after block \(block)")
            }
            let data = UnsafeRawBufferPointer(rebasing: raw[start..<stop])
            let records: [AvroValue]
            do throws(AvroError) {
                records = try decodeBlock(data, count: count)
            } catch {
                throw AvroError(error.code, "'\(name)': block \(block): \(error.message)")
            }
            return (records, stop + 16)
        }
        position = end
        return records
    }

    private func decodeBlock(_ data: UnsafeRawBufferPointer, count: Int64) throws(AvroError) -> [AvroValue] {
        let minimum = plan.minimumSize
        func decode(_ raw: UnsafeRawBufferPointer) throws(AvroError) -> [AvroValue] {
            if minimum > 0 {
                guard count <= Int64(raw.count / minimum) else {
                    throw AvroError(.corruptFile, "\(count) objects cannot fit in \(raw.count) bytes")
                }
            } else if count > Int64(file.limits.maximumZeroSizeItems) {
                throw AvroError(.resourceLimit, "\(count) objects is more than the limit of \(file.limits.maximumZeroSizeItems)")
            }
            var cursor = AvroCursor(raw)
            var records: [AvroValue] = []
            records.reserveCapacity(Int(count))
            for index in 0..<Int(count) {
                do throws(AvroError) {
                    records.append(try decoder.decode(plan, &cursor))
                } catch {
                    throw AvroError(error.code, "object \(index + 1) of \(count): \(error.message)")
                }
            }
            guard cursor.isAtEnd else {
                throw AvroError(.corruptFile, "\(cursor.remaining) bytes are left after its \(count) objects")
            }
            return records
        }
        if file.codec == .null { return try decode(data) }
        let decompressed = try file.codec.decompress(data, limit: file.limits.maximumBlockSize)
        return try decompressed.withAvroBytes { raw throws(AvroError) in try decode(raw) }
    }
}
