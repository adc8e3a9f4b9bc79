extension Parser {
    /// Parses a type name and normalises it (see ``TypeName``); `[]` suffixes make lists.
    mutating func parseType() throws -> TypeName {
        try enter()
        defer { depth -= 1 }
        let start = current.start
        var type: TypeName
        if current.kind == .quotedIdentifier {
            type = TypeName(advance().text, parameters: try parseTypeParameters())
        } else {
            guard current.kind == .word else { throw unexpected("a type name such as INTEGER or VARCHAR") }
            let word = advance().text
            type = try parseNamedType(word)
        }
        while current.isSymbol(.leftBracket) && peek().isSymbol(.rightBracket) {
            index += 2
            type = .list(type)
        }
        type.span = span(from: start)
        return type
    }

    private mutating func parseNamedType(_ word: String) throws -> TypeName {
        switch word {
        case "int", "integer", "int4", "signed": return TypeName("integer")
        case "bigint", "int8", "long": return TypeName("bigint")
        case "smallint", "int2", "short": return TypeName("smallint")
        case "tinyint", "int1": return TypeName("tinyint")
        case "hugeint", "int128": return TypeName("hugeint")
        case "real", "float4": return TypeName("real")
        case "double":
            _ = consume("precision")
            return TypeName("double")
        case "float8": return TypeName("double")
        case "float":
            let parameters = try parseTypeParameters()
            return TypeName(parameters.first.map { $0 <= 24 } == true ? "real" : "double")
        case "decimal", "numeric", "dec": return TypeName("decimal", parameters: try parseTypeParameters())
        case "varchar", "text", "string", "nvarchar", "bpchar": return TypeName("varchar", parameters: try parseTypeParameters())
        case "char", "character":
            if consume("varying") { return TypeName("varchar", parameters: try parseTypeParameters()) }
            return TypeName("char", parameters: try parseTypeParameters())
        case "boolean", "bool", "logical": return TypeName("boolean")
        case "date": return TypeName("date")
        case "time":
            let parameters = try parseTypeParameters()
            _ = try parseTimeZoneSuffix()
            return TypeName("time", parameters: parameters)
        case "timestamp", "datetime":
            let parameters = try parseTypeParameters()
            return TypeName(try parseTimeZoneSuffix() ? "timestamptz" : "timestamp", parameters: parameters)
        case "timestamptz": return TypeName("timestamptz", parameters: try parseTypeParameters())
        case "blob", "bytea", "binary", "varbinary": return TypeName("blob")
        case "uuid": return TypeName("uuid")
        case "interval": return TypeName("interval")
        case "json": return TypeName("json")
        case "list":
            try expect(.leftParen)
            let element = try parseType()
            try expect(.rightParen)
            return .list(element)
        case "struct", "row":
            try expect(.leftParen)
            var fields: [TypeField] = []
            repeat {
                let name = try parseAnyIdentifier()
                fields.append(TypeField(name: name, type: try parseType()))
            } while consume(.comma)
            try expect(.rightParen)
            return TypeName("struct", fields: fields)
        case "map":
            try expect(.leftParen)
            let key = try parseType()
            try expect(.comma)
            let value = try parseType()
            try expect(.rightParen)
            return TypeName("map", fields: [TypeField(name: nil, type: key), TypeField(name: nil, type: value)])
        default:
            return TypeName(word, parameters: try parseTypeParameters())
        }
    }

    /// `(n [, m])` after a type name, or `[]` when absent.
    private mutating func parseTypeParameters() throws -> [Int] {
        guard consume(.leftParen) else { return [] }
        var parameters: [Int] = []
        repeat {
            guard current.kind == .integer, let value = Int(current.text) else { throw unexpected("an integer type parameter") }
            advance()
            parameters.append(value)
        } while consume(.comma)
        try expect(.rightParen)
        return parameters
    }

    /// `WITH TIME ZONE` (true) or `WITHOUT TIME ZONE` / nothing (false).
    private mutating func parseTimeZoneSuffix() throws -> Bool {
        if current.isWord("with") && peek().isWord("time") {
            index += 2
            try expect("zone")
            return true
        }
        if consume("without") {
            try expect("time")
            try expect("zone")
        }
        return false
    }
}
