package import LagoaColumnar

/// Encodes INT32 or INT64 values with DELTA_BINARY_PACKED (Encoding 5), the inverse of
/// ``DeltaBinaryPackedDecoder``.
///
/// Uses parquet-mr's layout: blocks of 128 values in 4 miniblocks of 32. Deltas are computed with
/// wrapping arithmetic in `T`'s width, so INT32 data never needs more than 32 bits per delta. Unused
/// miniblocks of the last block get bit width 0 and no data; the last used one is zero-padded.
package enum DeltaBinaryPackedEncoder {
    /// Values per block.
    static let blockSize = 128
    /// Miniblocks per block.
    static let miniblocksPerBlock = 4
    /// Values per miniblock.
    static let miniblockSize = blockSize / miniblocksPerBlock

    /// Appends the encoding of `values` to `out`.
    /// - Parameters:
    ///   - values: the values; at most `Int32.max` of them.
    ///   - out: the buffer to append to.
    /// - Complexity: O(values.count).
    package static func encode<T: FixedWidthInteger & SignedInteger>(
        _ values: UnsafeBufferPointer<T>,
        into out: inout MutableBuffer
    ) {
        precondition(values.count <= Int(Int32.max), "a page holds at most \(Int32.max) values")
        out.appendULEB128(UInt64(blockSize))
        out.appendULEB128(UInt64(miniblocksPerBlock))
        out.appendULEB128(UInt64(values.count))
        out.appendZigZag(Int64(values.first ?? 0))
        guard values.count > 1, let base = values.baseAddress else { return }

        withUnsafeTemporaryAllocation(of: T.Magnitude.self, capacity: blockSize) { deltas in
            var previous = T.Magnitude(truncatingIfNeeded: base[0])
            var index = 1
            while index < values.count {
                let n = min(blockSize, values.count - index)
                // Deltas (wrapping), and their minimum compared as signed values.
                var minimum = T.max
                for i in 0..<n {
                    let current = T.Magnitude(truncatingIfNeeded: base[index + i])
                    let delta = current &- previous
                    deltas[i] = delta
                    minimum = Swift.min(minimum, T(truncatingIfNeeded: delta))
                    previous = current
                }
                let minimumBits = T.Magnitude(truncatingIfNeeded: minimum)
                for i in 0..<n { deltas[i] = deltas[i] &- minimumBits }
                appendBlock(deltas.baseAddress!, count: n, minimum: Int64(minimum), into: &out)
                index += n
            }
        }
    }

    /// Returns the encoding of `values` as bytes (convenient for tests).
    /// - Complexity: O(values.count).
    package static func encode<T: FixedWidthInteger & SignedInteger>(_ values: [T]) -> [UInt8] {
        var buffer = MutableBuffer(capacity: values.count + 16)
        values.withUnsafeBufferPointer { encode($0, into: &buffer) }
        return Array(UnsafeRawBufferPointer(start: buffer.pointer, count: buffer.count))
    }

    /// Appends one block: min delta, the miniblock bit widths, then the packed miniblocks.
    private static func appendBlock<U: FixedWidthInteger & UnsignedInteger>(
        _ deltas: UnsafeMutablePointer<U>,
        count: Int,
        minimum: Int64,
        into out: inout MutableBuffer
    ) {
        out.appendZigZag(minimum)
        let used = (count + miniblockSize - 1) / miniblockSize
        // One bit-width byte per miniblock; unused miniblocks keep width 0.
        let widthsAt = out.count
        out.appendZeros(miniblocksPerBlock)
        for m in 0..<used {
            var bits: U = 0
            for i in (m * miniblockSize)..<min(count, (m + 1) * miniblockSize) { bits |= deltas[i] }
            out.pointer.storeBytes(
                of: UInt8(bitWidth(forMax: UInt64(bits))),
                toByteOffset: widthsAt + m,
                as: UInt8.self
            )
        }
        // Zero the padding of the last used miniblock so it packs as zeros.
        for i in count..<(used * miniblockSize) { deltas[i] = 0 }
        for m in 0..<used {
            let width = Int(out.pointer.load(fromByteOffset: widthsAt + m, as: UInt8.self))
            let byteCount = miniblockSize * width / 8
            out.reserve(byteCount)
            BitPacking.pack(
                deltas + m * miniblockSize,
                count: miniblockSize,
                bitWidth: width,
                into: out.pointer + out.count
            )
            out.count += byteCount
        }
    }
}
