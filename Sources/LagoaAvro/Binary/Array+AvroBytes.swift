extension Array where Element == UInt8 {
    /// `withUnsafeBytes` keeping the closure's typed error (the standard library's version rethrows
    /// `any Error`).
    @inline(__always)
    func withAvroBytes<R>(_ body: (UnsafeRawBufferPointer) throws(AvroError) -> R) throws(AvroError) -> R {
        let result: Result<R, AvroError> = withUnsafeBytes { raw in
            Result { () throws(AvroError) -> R in try body(raw) }
        }
        return try result.get()
    }
}
