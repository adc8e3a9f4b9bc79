extension FunctionRegistry {
    mutating func registerBuiltinScalars() {}
}
