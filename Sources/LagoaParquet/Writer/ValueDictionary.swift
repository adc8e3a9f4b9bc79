import LagoaColumnar

/// The dictionary of one column chunk, specialised by value width so that the insertion loops run
/// on concrete types (the switch happens once per page, never per value).
enum ValueDictionary {
    case bits32(FixedWidthDictionary<UInt32>)
    case bits64(FixedWidthDictionary<UInt64>)
    case bits128(FixedWidthDictionary<UInt128>)
    case bytes(ByteArrayDictionary)

    /// An empty dictionary for values of `physicalType` (`width` bytes for fixed-width types).
    init(physicalType: PhysicalType, width: Int) {
        switch physicalType {
        case .byteArray: self = .bytes(ByteArrayDictionary(fixedWidth: nil))
        case _ where width <= 4: self = .bits32(FixedWidthDictionary(width: width))
        case _ where width <= 8: self = .bits64(FixedWidthDictionary(width: width))
        case _ where width <= 16: self = .bits128(FixedWidthDictionary(width: width))
        default: self = .bytes(ByteArrayDictionary(fixedWidth: width))
        }
    }

    /// Number of entries.
    var count: Int {
        switch self {
        case .bits32(let d): d.count
        case .bits64(let d): d.count
        case .bits128(let d): d.count
        case .bytes(let d): d.count
        }
    }

    /// The PLAIN size of the dictionary page, compared with the size limit.
    var plainSize: Int {
        switch self {
        case .bits32(let d): d.plainSize
        case .bits64(let d): d.plainSize
        case .bits128(let d): d.plainSize
        case .bytes(let d): d.plainSize
        }
    }

    /// Looks up (inserting when new) values `range`, writing their entry numbers to `out`.
    /// - Complexity: O(range.count) expected (plus the bytes hashed for byte arrays).
    func insert(_ values: PhysicalValues, _ range: Range<Int>, into out: UnsafeMutablePointer<UInt32>) {
        switch self {
        case .bits32(let d): d.insert(values, range, into: out)
        case .bits64(let d): d.insert(values, range, into: out)
        case .bits128(let d): d.insert(values, range, into: out)
        case .bytes(let d): d.insert(values, range, into: out)
        }
    }

    /// Appends the dictionary page's PLAIN values.
    /// - Throws: ``ParquetError`` when a byte array is too long for Parquet.
    func encodePlain(into out: inout MutableBuffer) throws(ParquetError) {
        switch self {
        case .bits32(let d): d.encodePlain(into: &out)
        case .bits64(let d): d.encodePlain(into: &out)
        case .bits128(let d): d.encodePlain(into: &out)
        case .bytes(let d): try d.encodePlain(into: &out)
        }
    }
}
