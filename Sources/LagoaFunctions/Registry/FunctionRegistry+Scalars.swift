extension FunctionRegistry {
    /// Registers the scalar functions of every family.
    mutating func registerBuiltinScalars() {
        for (function, aliases) in StringFunctions.all { register(function, aliases: aliases) }
    }
}
