import LagoaColumnar

/// Dispatches a data page's value bytes to the decoder for its encoding and physical type.
enum ValueDecoding {
    /// Decodes `count` present values encoded with `encoding` (not the dictionary encodings, which
    /// ``PageDecodingState`` handles).
    static func decode(
        _ data: UnsafeRawBufferPointer, encoding: Encoding, count: Int, descriptor: ColumnDescriptor, width: Int,
        into out: inout DecodedValues
    ) throws(ParquetError) {
        let physical = descriptor.physicalType
        switch encoding {
        case .plain:
            try plain(data, count: count, descriptor: descriptor, width: width, into: &out)
        case .rle where physical == .boolean:
            try booleanRLE(data, count: count, into: &out)
        case .deltaBinaryPacked where physical == .int32 || physical == .int64:
            try deltaBinaryPacked(data, count: count, is64: physical == .int64, into: &out)
        case .deltaLengthByteArray where physical == .byteArray:
            try deltaLengthByteArray(data, count: count, into: &out)
        case .deltaByteArray where physical == .byteArray || physical == .fixedLenByteArray:
            try deltaByteArray(data, count: count, fixedWidth: physical == .fixedLenByteArray ? width : nil, into: &out)
        case .byteStreamSplit where width > 0 && physical != .int96:
            try byteStreamSplit(data, count: count, width: width, into: &out)
        default:
            throw ParquetError.unsupported("encoding \(encoding) is not supported for \(physical) values")
        }
    }

    /// PLAIN values of any physical type.
    static func plain(_ data: UnsafeRawBufferPointer, count: Int, descriptor: ColumnDescriptor, width: Int, into out: inout DecodedValues) throws(ParquetError) {
        switch descriptor.physicalType {
        case .boolean:
            try plainBoolean(data, count: count, into: &out)
        case .byteArray:
            try PlainDecoder.decodeByteArrays(data, count: count, offsets: &out.values, data: &out.data)
            out.count += count
        default:
            let (bytes, overflow) = count.multipliedReportingOverflow(by: width)
            guard !overflow, bytes <= data.count else {
                throw ParquetError.corrupt("PLAIN data has \(data.count) bytes, too few for \(count) values of \(width) bytes")
            }
            out.values.reserve(bytes)
            let used = try PlainDecoder.decodeFixedWidth(data, count: count, width: width, into: out.values.pointer + out.values.count)
            out.values.count += used
            out.count += count
        }
    }
}
