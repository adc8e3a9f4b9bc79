extension Array where Element == UInt8 {
    /// `withUnsafeBytes` that keeps the closure's typed ``ParquetError`` (the standard library's
    /// version is `rethrows`, which erases it).
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws(ParquetError) -> R) throws(ParquetError) -> R {
        let result: Result<R, ParquetError> = withUnsafeBytes { bytes in
            do throws(ParquetError) {
                return .success(try body(bytes))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// `withUnsafeMutableBytes` keeping a typed error `E`.
    mutating func withMutableBytes<R, E: Error>(_ body: (UnsafeMutableRawBufferPointer) throws(E) -> R) throws(E) -> R {
        let result: Result<R, E> = withUnsafeMutableBytes { bytes in
            do throws(E) {
                return .success(try body(bytes))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
