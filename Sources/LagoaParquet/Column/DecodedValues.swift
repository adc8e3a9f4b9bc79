import LagoaColumnar

/// The present (non-null) values of one leaf column, in their physical Parquet representation,
/// as the page decoders append them:
/// - BOOLEAN: one bit per value in ``values``;
/// - INT32, INT64, FLOAT, DOUBLE, INT96, FIXED_LEN_BYTE_ARRAY: fixed-width values in ``values``;
/// - BYTE_ARRAY: `Int64` end offsets in ``values`` (after a leading 0) and the bytes in ``data``.
struct DecodedValues: ~Copyable {
    var values: MutableBuffer
    var data: MutableBuffer
    /// Number of values decoded.
    var count: Int = 0
    let isByteArray: Bool
    static let maxReservedBytes = 1 << 28

    init(physicalType: PhysicalType, capacity: Int, width: Int) {
        isByteArray = physicalType == .byteArray
        // Capacities come from file metadata: reserve at most `maxReservedBytes` up front and let
        // real data grow the buffers, so a hostile footer cannot force a huge allocation.
        func bytes(_ count: Int, _ width: Int) -> Int {
            let (product, overflow) = count.multipliedReportingOverflow(by: width)
            return overflow ? Self.maxReservedBytes : Swift.min(product, Self.maxReservedBytes)
        }
        if isByteArray {
            values = MutableBuffer(capacity: bytes(capacity + 1, 8))
            values.append(Int64(0))
            data = MutableBuffer(capacity: 0)
        } else {
            values = MutableBuffer(capacity: physicalType == .boolean ? Bitmap.byteCount(capacity) + 8 : bytes(capacity, width))
            data = MutableBuffer(capacity: 0)
        }
    }
}
