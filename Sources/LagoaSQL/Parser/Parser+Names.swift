extension Parser {
    /// Whether the current token can be an identifier: a quoted name or a non-reserved word.
    var atIdentifier: Bool {
        current.kind == .quotedIdentifier || (current.kind == .word && !Keywords.isReserved(current.text))
    }

    /// Parses an identifier (a quoted name or a non-reserved word).
    mutating func parseIdentifier() throws -> Identifier {
        guard atIdentifier else { throw unexpected("an identifier") }
        return identifier(advance())
    }

    /// Parses an identifier where any word, reserved or not, is accepted (after `AS`, after `.`).
    mutating func parseAnyIdentifier() throws -> Identifier {
        guard current.kind == .word || current.kind == .quotedIdentifier else { throw unexpected("an identifier") }
        return identifier(advance())
    }

    /// The identifier a word or quoted-name token spells.
    func identifier(_ token: Token) -> Identifier {
        if token.kind == .quotedIdentifier {
            return Identifier(token.text, quoted: true, original: token.text, span: token.span)
        }
        let original = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
        return Identifier(token.text, quoted: false, original: original, span: token.span)
    }

    /// Parses `a.b.c` (parts after the first may be reserved words).
    mutating func parseQualifiedName() throws -> QualifiedName {
        var parts = [try parseIdentifier()]
        while current.isSymbol(.period) && (peek().kind == .word || peek().kind == .quotedIdentifier) {
            advance()
            parts.append(identifier(advance()))
        }
        return QualifiedName(parts)
    }

    /// Parses `(a, b, c)`.
    mutating func parseIdentifierList() throws -> [Identifier] {
        try expect(.leftParen)
        var names: [Identifier] = []
        repeat { names.append(try parseIdentifier()) } while consume(.comma)
        try expect(.rightParen)
        return names
    }

    /// Whether an implicit alias (one without `AS`) may be taken at the current token: it must be
    /// an identifier, and the token after it must not be one that cannot follow an alias (another
    /// name, a literal). `SELECT a FORM t` thus reports `FORM` rather than `t`.
    var atImplicitAlias: Bool {
        guard atIdentifier else { return false }
        let next = peek()
        switch next.kind {
        case .quotedIdentifier, .string, .integer, .decimal, .float: return false
        case .word: return Keywords.isReserved(next.text) || next.text == "set"
        default: return true
        }
    }

    /// `[AS] name` for DELETE, UPDATE and MERGE targets.
    mutating func parseOptionalAlias() throws -> Identifier? {
        if consume("as") { return try parseAnyIdentifier() }
        if atImplicitAlias && !current.isWord("set") { return identifier(advance()) }
        return nil
    }

    /// `[AS] name [(columns)]` after a table reference.
    mutating func parseTableAlias() throws -> TableAlias? {
        let name: Identifier
        if consume("as") {
            name = try parseAnyIdentifier()
        } else if atImplicitAlias && !isClauseWord(current) {
            name = identifier(advance())
        } else {
            return nil
        }
        let columns = current.isSymbol(.leftParen) ? try parseIdentifierList() : []
        return TableAlias(name: name, columns: columns)
    }

    /// Non-reserved words that continue a FROM clause and so are never implicit table aliases.
    func isClauseWord(_ token: Token) -> Bool {
        guard token.kind == .word else { return false }
        switch token.text {
        case "set", "tablesample", "positional", "anti", "semi", "asof": return true
        default: return false
        }
    }
}
