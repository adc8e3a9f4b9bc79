extension IcebergExpression {
    /// Parses a filter as users write it on the command line:
    /// `day = '2026-11-20' AND (amount > 10 OR name IS NULL) AND region IN ('n', 's')`.
    ///
    /// Grammar: `or := and (OR and)*`, `and := not (AND not)*`, `not := NOT not | ( or ) | predicate`,
    /// `predicate := column op literal | column IS [NOT] NULL | column [NOT] IN (literal, …)`;
    /// `op` is one of `= == != <> < <= > >=`; literals are `'text'` (with `''` for a quote),
    /// numbers, `true` or `false`. Keywords are case-insensitive; columns may be dotted.
    /// - Throws: ``IcebergError/Code/invalidArgument`` naming the position of the problem.
    public init(parsing text: String) throws(IcebergError) {
        var parser = ExpressionParser(text)
        self = try parser.parseAll()
    }
}

private struct ExpressionParser {
    enum Token: Equatable {
        case word(String)
        case string(String)
        case number(String)
        case symbol(String)
    }

    let text: String
    var tokens: [(Token, Int)] = []
    var index = 0

    init(_ text: String) {
        self.text = text
    }

    mutating func parseAll() throws(IcebergError) -> IcebergExpression {
        try tokenize()
        let e = try parseOr()
        if index < tokens.count { throw fail("unexpected \(describe(tokens[index].0))") }
        return e
    }

    func fail(_ message: String) -> IcebergError {
        let position = index < tokens.count ? tokens[index].1 : text.count
        return IcebergError(.invalidArgument, "filter '\(text)': \(message) at character \(position + 1)")
    }

    func describe(_ token: Token) -> String {
        switch token {
        case .word(let w): "'\(w)'"
        case .string(let s): "'\(s)'"
        case .number(let n): n
        case .symbol(let s): "'\(s)'"
        }
    }

    private func isKeyword(_ word: String) -> Bool {
        guard index < tokens.count, case .word(let w) = tokens[index].0 else { return false }
        return w.lowercased() == word
    }

    private func isSymbol(_ symbol: String) -> Bool {
        index < tokens.count && tokens[index].0 == .symbol(symbol)
    }

    mutating func parseOr() throws(IcebergError) -> IcebergExpression {
        var left = try parseAnd()
        while isKeyword("or") {
            index += 1
            left = .or(left, try parseAnd())
        }
        return left
    }

    mutating func parseAnd() throws(IcebergError) -> IcebergExpression {
        var left = try parseNot()
        while isKeyword("and") {
            index += 1
            left = .and(left, try parseNot())
        }
        return left
    }

    mutating func parseNot() throws(IcebergError) -> IcebergExpression {
        if isKeyword("not") {
            index += 1
            return .not(try parseNot())
        }
        if isSymbol("(") {
            index += 1
            let inner = try parseOr()
            guard isSymbol(")") else { throw fail("expected ')'") }
            index += 1
            return inner
        }
        return try parsePredicate()
    }

    mutating func parsePredicate() throws(IcebergError) -> IcebergExpression {
        guard index < tokens.count, case .word(let column) = tokens[index].0 else {
            throw fail(index < tokens.count ? "expected a column name, found \(describe(tokens[index].0))" : "expected a column name")
        }
        index += 1
        if isKeyword("is") {
            index += 1
            var negated = false
            if isKeyword("not") { negated = true; index += 1 }
            guard isKeyword("null") else { throw fail("expected NULL after IS") }
            index += 1
            return negated ? .notNull(column) : .isNull(column)
        }
        var negatedIn = false
        if isKeyword("not") { negatedIn = true; index += 1 }
        if isKeyword("in") {
            index += 1
            guard isSymbol("(") else { throw fail("expected '(' after IN") }
            index += 1
            var values: [IcebergExpression.Literal] = [try parseLiteral()]
            while isSymbol(",") {
                index += 1
                values.append(try parseLiteral())
            }
            guard isSymbol(")") else { throw fail("expected ')' to close the IN list") }
            index += 1
            return negatedIn ? .not(.isIn(column, values)) : .isIn(column, values)
        }
        if negatedIn { throw fail("expected IN after NOT") }
        guard index < tokens.count, case .symbol(let symbol) = tokens[index].0 else {
            throw fail("expected a comparison (=, !=, <, <=, >, >=), IS or IN after '\(column)'")
        }
        let op: IcebergExpression.Operator
        switch symbol {
        case "=", "==": op = .equal
        case "!=", "<>": op = .notEqual
        case "<": op = .less
        case "<=": op = .lessOrEqual
        case ">": op = .greater
        case ">=": op = .greaterOrEqual
        default: throw fail("expected a comparison operator, found '\(symbol)'")
        }
        index += 1
        return .compare(column, op, try parseLiteral())
    }

    mutating func parseLiteral() throws(IcebergError) -> IcebergExpression.Literal {
        guard index < tokens.count else { throw fail("expected a value") }
        let token = tokens[index].0
        index += 1
        switch token {
        case .string(let s): return .string(s)
        case .number(let n):
            if let v = Int64(n) { return .integer(v) }
            return .decimal(n)
        case .word(let w) where w.lowercased() == "true": return .boolean(true)
        case .word(let w) where w.lowercased() == "false": return .boolean(false)
        default:
            index -= 1
            throw fail("expected a value ('text', a number, true or false), found \(describe(token))")
        }
    }

    mutating func tokenize() throws(IcebergError) {
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\n" { i += 1; continue }
            let start = i
            if c == "'" {
                var value = ""
                i += 1
                while true {
                    guard i < chars.count else {
                        index = tokens.count
                        throw IcebergError(.invalidArgument, "filter '\(text)': unterminated string starting at character \(start + 1)")
                    }
                    if chars[i] == "'" {
                        if i + 1 < chars.count && chars[i + 1] == "'" { value.append("'"); i += 2; continue }
                        i += 1
                        break
                    }
                    value.append(chars[i])
                    i += 1
                }
                tokens.append((.string(value), start))
            } else if c.isNumber || ((c == "-" || c == "+") && i + 1 < chars.count && chars[i + 1].isNumber) {
                i += 1
                while i < chars.count && (chars[i].isNumber || chars[i] == "." || chars[i] == "e" || chars[i] == "E") { i += 1 }
                tokens.append((.number(String(chars[start..<i])), start))
            } else if c.isLetter || c == "_" {
                while i < chars.count && (chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == ".") { i += 1 }
                tokens.append((.word(String(chars[start..<i])), start))
            } else if "<>!=".contains(c) {
                i += 1
                if i < chars.count && (chars[i] == "=" || (c == "<" && chars[i] == ">")) { i += 1 }
                tokens.append((.symbol(String(chars[start..<i])), start))
            } else if "(),".contains(c) {
                i += 1
                tokens.append((.symbol(String(c)), start))
            } else {
                throw IcebergError(.invalidArgument, "filter '\(text)': unexpected character '\(c)' at character \(i + 1)")
            }
        }
    }
}
