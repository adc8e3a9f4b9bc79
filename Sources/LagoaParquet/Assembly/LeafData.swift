import LagoaColumnar

/// The decoded content of one leaf column over a range of rows: its levels (absent when the
/// maximum level is 0) and its present values, densely packed and already converted to the leaf's
/// Arrow type.
struct LeafData: Sendable {
    /// Number of level entries (values + nulls + empty lists).
    var entryCount: Int
    var definitionLevels: [UInt16]?
    var repetitionLevels: [UInt16]?
    /// The present values (those whose definition level is the maximum), without nulls.
    var dense: Column
}
