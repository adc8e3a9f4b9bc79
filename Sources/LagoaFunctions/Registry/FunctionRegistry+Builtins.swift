extension FunctionRegistry {
    /// Registers every built-in scalar, aggregate and window function.
    mutating func registerBuiltins() {
        // Filled in by the Scalar/, Aggregate/ and Window/ folders.
    }
}
