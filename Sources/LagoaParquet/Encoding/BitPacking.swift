/// Bit packing as the Parquet RLE/bit-packing hybrid and DELTA_BINARY_PACKED store it: values of a
/// fixed bit width packed back to back, least-significant bit first, in groups of 8 values (so a
/// group of width `w` takes exactly `w` bytes).
///
/// The unpack kernel loads 64 bits at each value's byte offset and shifts, with the bit width a
/// compile-time constant in each case of a 64-way switch; the 8 values of a group are unrolled, so
/// every shift and mask folds to a constant. Groups whose 64-bit loads would read past the end of
/// the buffer are first copied into a zero-padded stack buffer, so the kernel never reads outside
/// its input.
///
/// Packing is in `BitPacking+Pack.swift`; the deprecated most-significant-bit-first BIT_PACKED
/// level encoding in `BitPacking+Deprecated.swift`.
package enum BitPacking {
    /// Unpacks `count` values of `bitWidth` bits starting at value `startIndex` of the packed data
    /// at `base`, zero-extended (or truncated) into `T`.
    ///
    /// - Parameters:
    ///   - base: the start of the packed run (value 0 starts at bit 0 of this byte).
    ///   - available: how many bytes may be read from `base`; the kernel reads only bytes below it.
    ///   - startIndex: the index within the run of the first value wanted.
    ///   - count: the number of values to unpack.
    ///   - bitWidth: 0...64 and at most `T.bitWidth`.
    ///   - out: room for `count` values.
    /// - Precondition: the values' bits, `(startIndex + count) * bitWidth`, lie within `available`
    ///   bytes. Callers check this against hostile input before calling.
    /// - Complexity: O(count).
    package static func unpack<T: FixedWidthInteger & UnsignedInteger>(
        _ base: UnsafeRawPointer,
        available: Int,
        startIndex: Int,
        count: Int,
        bitWidth: Int,
        into out: UnsafeMutablePointer<T>
    ) {
        precondition(bitWidth >= 0 && bitWidth <= min(64, T.bitWidth), "bit width \(bitWidth) does not fit \(T.self)")
        precondition(
            startIndex >= 0 && count >= 0 && (startIndex + count) * bitWidth <= available * 8,
            "bit-packed values must lie within the bytes available; callers check this first"
        )
        guard count > 0 else { return }
        guard bitWidth > 0 else {
            out.update(repeating: 0, count: count)
            return
        }
        var index = startIndex
        var written = 0
        // Head: single values up to the next group boundary.
        while index & 7 != 0 && written < count {
            out[written] = T(truncatingIfNeeded: extract(base, available: available, index: index, bitWidth: bitWidth))
            index += 1
            written += 1
        }
        let groups = (count - written) >> 3
        if groups > 0 {
            let groupStart = (index >> 3) * bitWidth
            // A group may use the fast kernel when 8 bytes of slack follow it inside the buffer.
            let slackFree = available - 8 - groupStart
            let fastGroups = slackFree < bitWidth ? 0 : min(groups, slackFree / bitWidth)
            unpackGroups(base + groupStart, groups: fastGroups, bitWidth: bitWidth, into: out + written)
            written += fastGroups * 8
            index += fastGroups * 8
            for _ in fastGroups..<groups {
                unpackGroupPadded(base + (index >> 3) * bitWidth, bitWidth: bitWidth, into: out + written)
                written += 8
                index += 8
            }
        }
        // Tail: fewer than 8 values.
        while written < count {
            out[written] = T(truncatingIfNeeded: extract(base, available: available, index: index, bitWidth: bitWidth))
            index += 1
            written += 1
        }
    }

    /// Reads value `index` of width `bitWidth` (1...64) without reading at or past `available`.
    /// - Complexity: O(1).
    @inline(__always)
    static func extract(_ base: UnsafeRawPointer, available: Int, index: Int, bitWidth: Int) -> UInt64 {
        let bit = index * bitWidth
        let byte = bit >> 3
        let shift = bit & 7
        var value: UInt64
        if byte + 8 <= available {
            value = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: byte, as: UInt64.self)) &>> UInt64(shift)
            if shift + bitWidth > 64 {
                value |= UInt64(base.load(fromByteOffset: byte + 8, as: UInt8.self)) &<< UInt64(64 - shift)
            }
        } else {
            // Fewer than 8 bytes remain, so the value's bits (at most shift + width <= 64 of them
            // here) are all in the bytes below `available`.
            value = 0
            let needed = (shift + bitWidth + 7) >> 3
            for k in 0..<needed {
                value |= UInt64(base.load(fromByteOffset: byte + k, as: UInt8.self)) &<< UInt64(8 * k)
            }
            value = value &>> UInt64(shift)
        }
        return value & (UInt64.max &>> UInt64(64 - bitWidth))
    }

    /// Unpacks one group of 8 values from `source` (exactly `bitWidth` bytes) via a zero-padded copy.
    private static func unpackGroupPadded<T: FixedWidthInteger & UnsignedInteger>(
        _ source: UnsafeRawPointer,
        bitWidth: Int,
        into out: UnsafeMutablePointer<T>
    ) {
        withUnsafeTemporaryAllocation(byteCount: 80, alignment: 8) { scratch in
            let pointer = scratch.baseAddress!
            pointer.initializeMemory(as: UInt8.self, repeating: 0, count: 80)
            pointer.copyMemory(from: source, byteCount: bitWidth)
            unpackGroups(UnsafeRawPointer(pointer), groups: 1, bitWidth: bitWidth, into: out)
        }
    }

    /// Unpacks `groups` groups of 8 values, dispatching to a kernel specialised for the bit width.
    ///
    /// - Precondition: 8 readable bytes follow the last group.
    /// - Complexity: O(groups * 8).
    static func unpackGroups<T: FixedWidthInteger & UnsignedInteger>(
        _ source: UnsafeRawPointer,
        groups: Int,
        bitWidth: Int,
        into out: UnsafeMutablePointer<T>
    ) {
        guard groups > 0 else { return }
        switch bitWidth {
        case 1: kernel(source, groups, 1, out)
        case 2: kernel(source, groups, 2, out)
        case 3: kernel(source, groups, 3, out)
        case 4: kernel(source, groups, 4, out)
        case 5: kernel(source, groups, 5, out)
        case 6: kernel(source, groups, 6, out)
        case 7: kernel(source, groups, 7, out)
        case 8: kernel(source, groups, 8, out)
        case 9: kernel(source, groups, 9, out)
        case 10: kernel(source, groups, 10, out)
        case 11: kernel(source, groups, 11, out)
        case 12: kernel(source, groups, 12, out)
        case 13: kernel(source, groups, 13, out)
        case 14: kernel(source, groups, 14, out)
        case 15: kernel(source, groups, 15, out)
        case 16: kernel(source, groups, 16, out)
        case 17: kernel(source, groups, 17, out)
        case 18: kernel(source, groups, 18, out)
        case 19: kernel(source, groups, 19, out)
        case 20: kernel(source, groups, 20, out)
        case 21: kernel(source, groups, 21, out)
        case 22: kernel(source, groups, 22, out)
        case 23: kernel(source, groups, 23, out)
        case 24: kernel(source, groups, 24, out)
        case 25: kernel(source, groups, 25, out)
        case 26: kernel(source, groups, 26, out)
        case 27: kernel(source, groups, 27, out)
        case 28: kernel(source, groups, 28, out)
        case 29: kernel(source, groups, 29, out)
        case 30: kernel(source, groups, 30, out)
        case 31: kernel(source, groups, 31, out)
        case 32: kernel(source, groups, 32, out)
        default:
            // Widths 33...64 only occur in DELTA_BINARY_PACKED INT64 miniblocks; for narrower
            // outputs this branch folds away.
            guard T.bitWidth > 32 else { return }
            switch bitWidth {
            case 33: kernel(source, groups, 33, out)
            case 34: kernel(source, groups, 34, out)
            case 35: kernel(source, groups, 35, out)
            case 36: kernel(source, groups, 36, out)
            case 37: kernel(source, groups, 37, out)
            case 38: kernel(source, groups, 38, out)
            case 39: kernel(source, groups, 39, out)
            case 40: kernel(source, groups, 40, out)
            case 41: kernel(source, groups, 41, out)
            case 42: kernel(source, groups, 42, out)
            case 43: kernel(source, groups, 43, out)
            case 44: kernel(source, groups, 44, out)
            case 45: kernel(source, groups, 45, out)
            case 46: kernel(source, groups, 46, out)
            case 47: kernel(source, groups, 47, out)
            case 48: kernel(source, groups, 48, out)
            case 49: kernel(source, groups, 49, out)
            case 50: kernel(source, groups, 50, out)
            case 51: kernel(source, groups, 51, out)
            case 52: kernel(source, groups, 52, out)
            case 53: kernel(source, groups, 53, out)
            case 54: kernel(source, groups, 54, out)
            case 55: kernel(source, groups, 55, out)
            case 56: kernel(source, groups, 56, out)
            case 57: kernel(source, groups, 57, out)
            case 58: kernel(source, groups, 58, out)
            case 59: kernel(source, groups, 59, out)
            case 60: kernel(source, groups, 60, out)
            case 61: kernel(source, groups, 61, out)
            case 62: kernel(source, groups, 62, out)
            case 63: kernel(source, groups, 63, out)
            case 64: kernel(source, groups, 64, out)
            default: preconditionFailure("bit width \(bitWidth) is outside 0...64")
            }
        }
    }

    /// The unpack loop for one bit width: 8 values per group, each a 64-bit load, shift and mask.
    @inline(__always)
    private static func kernel<T: FixedWidthInteger & UnsignedInteger>(
        _ source: UnsafeRawPointer,
        _ groups: Int,
        _ width: Int,
        _ out: UnsafeMutablePointer<T>
    ) {
        let mask = UInt64.max &>> UInt64(64 - width)
        var source = source
        var out = out
        for _ in 0..<groups {
            for j in 0..<8 {
                let bit = j * width
                let shift = bit & 7
                var value =
                    UInt64(littleEndian: source.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
                    &>> UInt64(shift)
                if shift + width > 64 {
                    value |= UInt64(source.load(fromByteOffset: (bit >> 3) + 8, as: UInt8.self)) &<< UInt64(64 - shift)
                }
                out[j] = T(truncatingIfNeeded: value & mask)
            }
            source += width
            out += 8
        }
    }
}
