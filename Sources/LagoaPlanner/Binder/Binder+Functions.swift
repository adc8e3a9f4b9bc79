import LagoaColumnar
import LagoaFunctions
import LagoaSQL
import LagoaCore

extension Binder {
    func bindFunctionCall(_ call: FunctionCall, _ expression: Expression, _ context: ExpressionContext) async throws -> Expr {
        let name = call.name.description.lowercased()
        if let over = call.over {
            return try await bindWindowCall(call, name: name, over: over, expression, context)
        }
        if registry.aggregate(name) != nil || (name == "count" && call.isStar) {
            return try await bindAggregateCall(call, name: name, expression, context)
        }
        if name == "grouping", registry.scalar(name) == nil {
            return try await bindGrouping(call, expression, context)
        }
        if call.isStar || call.distinct || !call.orderBy.isEmpty || call.filter != nil {
            if registry.scalar(name) != nil {
                throw PlannerError(.invalidStatement, "\(name) is not an aggregate function; DISTINCT, ORDER BY, FILTER and * apply to aggregates only", span: expression.span.range)
            }
        }
        var arguments: [Expr] = []
        for argument in call.arguments { arguments.append(try await bindExpression(argument.value, context)) }
        if name == "coalesce" || name == "greatest" || name == "least" || name == "nullif", registry.scalar(name) == nil {
            throw PlannerError(.unknownFunction, "function \"\(name)\" does not exist", span: expression.span.range)
        }
        return try bindScalar(name, arguments, expression)
    }

    /// `GROUPING(a, b, …)`: a bitmask with one bit per argument, most significant first, set where
    /// that GROUP BY expression is aggregated away in the row's grouping set (PostgreSQL, DuckDB).
    /// Computed from the aggregate's grouping-id column.
    private func bindGrouping(_ call: FunctionCall, _ expression: Expression, _ context: ExpressionContext) async throws -> Expr {
        guard let collector = context.aggregates, !collector.groupBy.isEmpty else {
            throw PlannerError(.invalidStatement, "GROUPING() needs GROUP BY; it is allowed in SELECT, HAVING and ORDER BY", span: expression.span.range)
        }
        guard !call.arguments.isEmpty, call.arguments.count < 63 else {
            throw PlannerError(.invalidStatement, "GROUPING() takes 1 to 62 GROUP BY expressions", span: expression.span.range)
        }
        var inner = context
        inner.scope = collector.inputScope
        inner.aggregates = nil
        inner.windows = nil
        inner.clause = "GROUPING arguments"
        let keys = collector.groupBy.map { String(describing: $0) }
        let id = Expr.column(collector.groupingIDColumn(ids))
        let signature = FunctionSignature(argumentTypes: [.int64, .int64], returnType: .int64)
        func int(_ v: Int64) -> Expr { .literal(.int(v), .int64) }
        let n = call.arguments.count
        var result: Expr? = nil
        for (k, argument) in call.arguments.enumerated() {
            let bound = try await bindExpression(argument.value, inner)
            guard let index = keys.firstIndex(of: String(describing: bound)) else {
                throw PlannerError(.invalidStatement, "arguments of GROUPING must be GROUP BY expressions; \(bound.sqlText) is not", span: argument.value.span.range)
            }
            // ((id // 2^index) % 2) × 2^(n-1-k)
            let bit = Expr.binary(.modulo, .binary(.integerDivide, id, int(Int64(1) << Int64(index)), signature: signature), int(2), signature: signature)
            let weighted = Expr.binary(.multiply, bit, int(Int64(1) << Int64(n - 1 - k)), signature: signature)
            result = result.map { .binary(.add, $0, weighted, signature: signature) } ?? weighted
        }
        return result!
    }

    /// Binds an aggregate call's arguments in the FROM scope and returns the aggregate's column.
    private func bindAggregateCall(_ call: FunctionCall, name: String, _ expression: Expression, _ context: ExpressionContext) async throws -> Expr {
        guard let collector = context.aggregates else {
            throw PlannerError(.invalidStatement, "aggregate functions are not allowed in \(context.clause)", span: expression.span.range)
        }
        let (function, arguments, signature, display) = try await bindAggregateArguments(call, name: name, expression, scope: collector.inputScope)
        let argumentContext = ExpressionContext(scope: collector.inputScope, clause: "aggregate function arguments")
        var filter: Expr? = nil
        if let f = call.filter {
            let bound = try await bindExpression(f, argumentContext)
            try requireBoolean(bound, f, clause: "FILTER")
            filter = bound
        }
        var orderBy: [SortKey] = []
        for item in call.orderBy + call.withinGroup {
            orderBy.append(SortKey(expr: try await bindExpression(item.expression, argumentContext), ascending: item.ascending ?? true, nullsFirst: item.nullsFirst))
        }
        let output = ids.make(display, signature.returnType)
        let column = collector.add(AggregateCall(function: function, arguments: arguments, signature: signature, distinct: call.distinct, filter: filter, orderBy: orderBy, output: output))
        return .column(column)
    }

    /// The registry name, cast arguments, signature and display name of an aggregate call.
    private func bindAggregateArguments(_ call: FunctionCall, name: String, _ expression: Expression, scope: Scope) async throws -> (String, [Expr], FunctionSignature, String) {
        let argumentContext = ExpressionContext(scope: scope, clause: "aggregate function arguments")
        var arguments: [Expr] = []
        for argument in call.arguments {
            if case .star = argument.value.kind { continue }
            arguments.append(try await bindExpression(argument.value, argumentContext))
        }
        var function = name
        if call.isStar || (name == "count" && arguments.isEmpty) {
            function = registry.aggregate("count_star") != nil ? "count_star" : "count"
            arguments = []
        }
        guard let aggregate = registry.aggregate(function) else {
            throw PlannerError(.unknownFunction, "aggregate function \"\(name)\" does not exist" + Suggestions.didYouMean(name, among: registry.allNames), span: expression.span.range)
        }
        let signature: FunctionSignature
        do {
            signature = try aggregate.bind(arguments.map(\.type), distinct: call.distinct)
        } catch {
            throw PlannerError(
                .typeMismatch,
                "aggregate \(name)(\(arguments.map(\.type.description).joined(separator: ", "))) does not exist in \"\(text(of: expression))\"; add explicit CASTs",
                span: expression.span.range, cause: error)
        }
        let cast = zip(arguments, signature.argumentTypes).map { castIfNeeded($0, to: $1) }
        let shownArguments = call.isStar || (name == "count" && cast.isEmpty) ? "*" : arguments.map(\.sqlText).joined(separator: ", ")
        let display = "\(name)(\(call.distinct ? "DISTINCT " : "")\(shownArguments))"
        return (function, cast, signature, display)
    }

    // MARK: Windows

    private func bindWindowCall(_ call: FunctionCall, name: String, over: WindowReference, _ expression: Expression, _ context: ExpressionContext) async throws -> Expr {
        guard let collector = context.windows else {
            throw PlannerError(.invalidStatement, "window functions are not allowed in \(context.clause)", span: expression.span.range)
        }
        let spec = try resolveWindow(over, collector: collector, span: expression.span)
        // Arguments see the SELECT's columns (after grouping); aggregates inside are collected.
        var inner = context
        inner.windows = nil
        inner.clause = "window function arguments"
        func post(_ e: Expr, _ source: Expression) throws -> Expr { try context.groupify?(e, source) ?? e }

        var arguments: [Expr] = []
        for argument in call.arguments where !({ if case .star = argument.value.kind { true } else { false } }()) {
            arguments.append(try post(try await bindExpression(argument.value, inner), argument.value))
        }
        var partitionBy: [Expr] = []
        for e in spec.partitionBy { partitionBy.append(try post(try await bindExpression(e, inner), e)) }
        var orderBy: [SortKey] = []
        for item in spec.orderBy {
            orderBy.append(SortKey(expr: try post(try await bindExpression(item.expression, inner), item.expression), ascending: item.ascending ?? true, nullsFirst: item.nullsFirst))
        }
        var functionName = name
        let isAggregate: Bool
        let signature: FunctionSignature
        do {
            if let window = registry.window(name) {
                isAggregate = false
                signature = try window.bind(arguments.map(\.type))
            } else if registry.aggregate(name) != nil || (name == "count" && (call.isStar || arguments.isEmpty)) {
                isAggregate = true
                if call.isStar || (name == "count" && arguments.isEmpty) {
                    functionName = registry.aggregate("count_star") != nil ? "count_star" : "count"
                    arguments = []
                }
                guard let aggregate = registry.aggregate(functionName) else {
                    throw PlannerError(.unknownFunction, "aggregate function \"\(name)\" does not exist", span: expression.span.range)
                }
                signature = try aggregate.bind(arguments.map(\.type), distinct: call.distinct)
            } else {
                throw PlannerError(
                    .unknownFunction,
                    "window function \"\(name)\" does not exist" + Suggestions.didYouMean(name, among: registry.allNames),
                    span: expression.span.range)
            }
        } catch let error as PlannerError {
            throw error
        } catch {
            throw PlannerError(
                .typeMismatch,
                "window function \(name)(\(arguments.map(\.type.description).joined(separator: ", "))) does not exist in \"\(text(of: expression))\"",
                span: expression.span.range, cause: error)
        }
        arguments = zip(arguments, signature.argumentTypes).map { castIfNeeded($0, to: $1) }
        let frame = try await bindFrame(spec.frame, hasOrderBy: !orderBy.isEmpty, context: inner)
        let shown = call.isStar ? "*" : arguments.map(\.sqlText).joined(separator: ", ")
        let output = ids.make("\(name)(\(shown))", signature.returnType)
        let column = collector.add(
            WindowCall(
                function: functionName, isAggregate: isAggregate, arguments: arguments, signature: signature, distinct: call.distinct,
                partitionBy: partitionBy, orderBy: orderBy, frame: frame, ignoreNulls: call.ignoreNulls, output: output))
        return .column(column)
    }

    private func resolveWindow(_ reference: WindowReference, collector: WindowCollector, span: SourceSpan) throws -> WindowSpec {
        var spec: WindowSpec
        switch reference {
        case .named(let name):
            guard let named = collector.named[name.value] else {
                throw PlannerError(.invalidStatement, "window \"\(name.value)\" does not exist", span: span.range)
            }
            spec = named
        case .spec(let s):
            spec = s
        }
        var depth = 0
        while let base = spec.baseName {
            depth += 1
            guard depth < 16, let named = collector.named[base.value] else {
                throw PlannerError(.invalidStatement, "window \"\(base.value)\" does not exist", span: span.range)
            }
            spec = WindowSpec(
                baseName: named.baseName,
                partitionBy: named.partitionBy + spec.partitionBy,
                orderBy: spec.orderBy.isEmpty ? named.orderBy : spec.orderBy,
                frame: spec.frame ?? named.frame)
        }
        return spec
    }

    private func bindFrame(_ frame: WindowFrameSpec?, hasOrderBy: Bool, context: ExpressionContext) async throws -> WindowFrame {
        guard let frame else { return .defaultFrame(hasOrderBy: hasOrderBy) }
        func bound(_ b: WindowFrameBound) async throws -> FrameBound {
            switch b {
            case .unboundedPreceding: return .unboundedPreceding
            case .currentRow: return .currentRow
            case .unboundedFollowing: return .unboundedFollowing
            case .preceding(let e): return .preceding(try await bindExpression(e, context))
            case .following(let e): return .following(try await bindExpression(e, context))
            }
        }
        let units: FrameUnits = switch frame.units {
        case .rows: .rows
        case .range: .range
        case .groups: .groups
        }
        return WindowFrame(units: units, start: try await bound(frame.start), end: try await bound(frame.end ?? .currentRow))
    }
}
