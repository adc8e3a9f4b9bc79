extension FunctionRegistry {
    /// Registers the scalar functions of every family.
    mutating func registerBuiltinScalars() {
        for (function, aliases) in StringFunctions.all { register(function, aliases: aliases) }
        registerMoreScalars()
    }
}

extension FunctionRegistry {
    mutating func registerMoreScalars() {
        for (function, aliases) in MathFunctions.all { register(function, aliases: aliases) }
        for (function, aliases) in DateFunctions.all { register(function, aliases: aliases) }
        for (function, aliases) in PatternFunctions.all { register(function, aliases: aliases) }
    }
}
