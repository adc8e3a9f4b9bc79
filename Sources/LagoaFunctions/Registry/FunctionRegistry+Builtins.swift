extension FunctionRegistry {
    /// Registers every built-in scalar, aggregate and window function.
    mutating func registerBuiltins() {
        registerBuiltinAggregates()
        registerBuiltinWindows()
        registerBuiltinScalars()
    }

    private mutating func registerBuiltinAggregates() {
        register(CountFunction())
        register(SumFunction(name: "sum", isAverage: false))
        register(SumFunction(name: "avg", isAverage: true), aliases: ["mean"])
        register(MinMaxFunction(name: "min", isMax: false))
        register(MinMaxFunction(name: "max", isMax: true))
        register(VarianceFunction(name: "var_samp", kind: .sampleVariance), aliases: ["variance"])
        register(VarianceFunction(name: "var_pop", kind: .populationVariance))
        register(VarianceFunction(name: "stddev_samp", kind: .sampleDeviation), aliases: ["stddev"])
        register(VarianceFunction(name: "stddev_pop", kind: .populationDeviation))
        register(BoolAggregateFunction(name: "bool_and", isAnd: true), aliases: ["every"])
        register(BoolAggregateFunction(name: "bool_or", isAnd: false))
        register(StringAggFunction(), aliases: ["group_concat", "listagg"])
        register(ApproxCountDistinctFunction())
        register(QuantileFunction(name: "median", kind: .median))
        register(QuantileFunction(name: "quantile_cont", kind: .continuous))
        register(QuantileFunction(name: "quantile_disc", kind: .discrete), aliases: ["quantile"])
        register(FirstFunction(name: "first", skipsNulls: false))
        register(FirstFunction(name: "any_value", skipsNulls: true), aliases: ["arbitrary"])
        register(ArgMinMaxFunction(name: "arg_min", isMax: false), aliases: ["min_by", "argmin"])
        register(ArgMinMaxFunction(name: "arg_max", isMax: true), aliases: ["max_by", "argmax"])
    }

    private mutating func registerBuiltinWindows() {
        let windows: [(String, BuiltinWindowFunction.Kind)] = [
            ("row_number", .rowNumber), ("rank", .rank), ("dense_rank", .denseRank), ("percent_rank", .percentRank),
            ("cume_dist", .cumeDist), ("ntile", .ntile), ("lag", .lag), ("lead", .lead), ("first_value", .firstValue),
            ("last_value", .lastValue), ("nth_value", .nthValue),
        ]
        for (name, kind) in windows { register(BuiltinWindowFunction(name: name, kind: kind)) }
    }
}
