import LagoaCore

/// Random ids and wall-clock time for metadata.
enum Identifiers {
    /// A random version-4 UUID in its canonical text form.
    static func uuid() -> String {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return IcebergValue.uuidText(bytes)
    }

    /// A random positive snapshot id (Java derives them from a UUID the same way).
    static func snapshotID() -> Int64 {
        Int64.random(in: 1...Int64.max)
    }

    /// Milliseconds since the Unix epoch.
    static func nowMillis() -> Int64 { WallClock.nowMillis() }
}
