import LagoaSQL
import Testing

/// Expression parsing: precedence, associativity and the special forms, checked as canonical
/// text with full parentheses where the tree shape matters.
@Suite struct ExpressionParserTests {
    static func column(_ name: String) -> Expression { Expression(.column(QualifiedName(name))) }
    static func integer(_ text: String) -> Expression { Expression(.literal(.integer(text))) }
    static func binary(_ op: BinaryOperator, _ left: Expression, _ right: Expression) -> Expression {
        Expression(.binary(op, left, right))
    }

    /// Renders the tree with every compound node in parentheses, to make its shape visible.
    static func shape(_ e: Expression) -> String {
        switch e.kind {
        case .column(let name): return name.description
        case .literal: return Unparser.expression(e)
        case .binary(let op, let l, let r): return "(\(shape(l)) \(op.rawValue) \(shape(r)))"
        case .unary(let op, let x): return "(\(op.rawValue) \(shape(x)))"
        case .isNull(let x, let negated): return "(\(shape(x)) IS \(negated ? "NOT " : "")NULL)"
        case .between(let x, let lo, let hi, _): return "(\(shape(x)) BETWEEN \(shape(lo)) AND \(shape(hi)))"
        case .like(let x, let p, _, _, _): return "(\(shape(x)) LIKE \(shape(p)))"
        case .inList(let x, let list, _): return "(\(shape(x)) IN [\(list.map(shape).joined(separator: ", "))])"
        case .cast(let x, let t, _): return "(\(shape(x))::\(t))"
        case .atTimeZone(let x, let z): return "(\(shape(x)) AT \(shape(z)))"
        case .isDistinctFrom(let a, let b, _): return "(\(shape(a)) IS DISTINCT FROM \(shape(b)))"
        default: return Unparser.expression(e)
        }
    }

    @Test(
        "Operator precedence follows PostgreSQL",
        arguments: [
            ("a + b * c", "(a + (b * c))"),
            ("a * b + c", "((a * b) + c)"),
            ("a - b - c", "((a - b) - c)"),
            ("a / b / c", "((a / b) / c)"),
            ("a || b + c", "(a || (b + c))"),
            ("a = b + c", "(a = (b + c))"),
            ("a OR b AND c", "(a OR (b AND c))"),
            ("a AND b OR c", "((a AND b) OR c)"),
            ("NOT a AND b", "((NOT a) AND b)"),
            ("NOT a = b", "(NOT (a = b))"),
            ("NOT a IS NULL", "(NOT (a IS NULL))"),
            ("a = b IS NULL", "((a = b) IS NULL)"),
            ("a BETWEEN b AND c AND d", "((a BETWEEN b AND c) AND d)"),
            ("a BETWEEN b + 1 AND c * 2", "(a BETWEEN (b + 1) AND (c * 2))"),
            ("a = b LIKE c", "(a = (b LIKE c))"),
            ("a LIKE b || c", "(a LIKE (b || c))"),
            ("a IN (1, 2) = TRUE", "((a IN [1, 2]) = TRUE)"),
            ("-a * b", "((- a) * b)"),
            ("-a::INT", "(- (a::INTEGER))"),
            ("a + b::INT", "(a + (b::INTEGER))"),
            ("-a AT TIME ZONE 'UTC'", "((- a) AT 'UTC')"),
            ("a + b AT TIME ZONE 'UTC'", "(a + (b AT 'UTC'))"),
            ("a IS DISTINCT FROM b = c", "(a IS DISTINCT FROM (b = c))"),
            ("a < b = c", "((a < b) = c)"),
            ("a % b * c // d", "(((a % b) * c) // d)"),
        ])
    func precedence(sql: String, expected: String) throws {
        #expect(Self.shape(try Parser.parseExpression(sql)) == expected)
    }

    @Test("Numbers keep their text and kind")
    func numbers() throws {
        #expect(try Parser.parseExpression("42").kind == .literal(.integer("42")))
        #expect(try Parser.parseExpression("12345678901234567890123").kind == .literal(.integer("12345678901234567890123")))
        #expect(try Parser.parseExpression("0.06").kind == .literal(.decimal("0.06")))
        #expect(try Parser.parseExpression(".5").kind == .literal(.decimal(".5")))
        #expect(try Parser.parseExpression("1e3").kind == .literal(.float("1e3")))
        #expect(try Parser.parseExpression("2.5E-4").kind == .literal(.float("2.5E-4")))
        #expect(try Parser.parseExpression("-7").kind == .unary(.minus, Self.integer("7")))
    }

    @Test("Strings decode '' and E'' escapes; dollar quotes are verbatim")
    func strings() throws {
        #expect(try Parser.parseExpression("'it''s'").kind == .literal(.string("it's")))
        #expect(try Parser.parseExpression("E'a\\nb\\t\\\\\\''").kind == .literal(.string("a\nb\t\\'")))
        #expect(try Parser.parseExpression("e'x'").kind == .literal(.string("x")))
        #expect(try Parser.parseExpression("$$a 'b' \\n$$").kind == .literal(.string("a 'b' \\n")))
        #expect(try Parser.parseExpression("$q$ $$ $q$").kind == .literal(.string(" $$ ")))
        #expect(try Parser.parseExpression("'héllo'").kind == .literal(.string("héllo")))
    }

    @Test("Typed and interval literals")
    func typedLiterals() throws {
        #expect(try Parser.parseExpression("DATE '2024-01-01'").kind == .literal(.typed(TypeName("date"), "2024-01-01")))
        #expect(try Parser.parseExpression("timestamptz '2024-01-01 00:00:00+00'").kind
            == .literal(.typed(TypeName("timestamptz"), "2024-01-01 00:00:00+00")))
        #expect(try Parser.parseExpression("INTERVAL '3 days'").kind == .literal(.interval("3 days", unit: nil)))
        #expect(try Parser.parseExpression("INTERVAL '90' DAY").kind == .literal(.interval("90", unit: .day)))
        #expect(try Parser.parseExpression("INTERVAL 3 MONTHS").kind == .literal(.interval("3", unit: .month)))
    }

    @Test("Identifiers fold unless quoted; keywords that are not reserved name columns")
    func identifiers() throws {
        guard case .column(let name) = try Parser.parseExpression("MyTable.\"MyCol\"").kind else {
            Issue.record("not a column")
            return
        }
        #expect(name.parts.map(\.value) == ["mytable", "MyCol"])
        #expect(name.parts[0].original == "MyTable")
        #expect(name.parts[1].quoted)
        for word in ["date", "year", "value", "name", "type", "time", "timestamp", "interval", "filter", "over", "first"] {
            #expect(try Parser.parseExpression(word).kind == .column(QualifiedName(word)), "column \(word)")
        }
        #expect(try Parser.parseExpression("\"a\"\"b\"").kind == .column(QualifiedName([Identifier("a\"b", quoted: true)])))
        #expect(try Parser.parseExpression("a.b.c.d").kind == .column(QualifiedName("a", "b", "c", "d")))
    }

    @Test("Function calls with all their clauses")
    func functionCalls() throws {
        let e = try Parser.parseExpression(
            "sum(DISTINCT x ORDER BY y DESC) FILTER (WHERE x > 0) OVER (PARTITION BY g ORDER BY y ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)")
        guard case .function(let call) = e.kind else {
            Issue.record("not a call")
            return
        }
        #expect(call.name == QualifiedName("sum"))
        #expect(call.distinct)
        #expect(call.arguments == [FunctionArgument(value: Self.column("x"))])
        #expect(call.orderBy == [OrderByItem(Self.column("y"), ascending: false)])
        #expect(call.filter == Self.binary(.greater, Self.column("x"), Self.integer("0")))
        let frame = WindowFrameSpec(units: .rows, start: .preceding(Self.integer("1")), end: .currentRow)
        #expect(call.over == .spec(WindowSpec(partitionBy: [Self.column("g")], orderBy: [OrderByItem(Self.column("y"))], frame: frame)))

        guard case .function(let count) = try Parser.parseExpression("COUNT(*)").kind else { return }
        #expect(count.isStar && count.arguments.isEmpty && count.name == QualifiedName("count"))

        guard case .function(let named) = try Parser.parseExpression("f(1, b := 2)").kind else { return }
        #expect(named.arguments == [
            FunctionArgument(value: Self.integer("1")), FunctionArgument(name: Identifier("b"), value: Self.integer("2")),
        ])
    }

    @Test("Special forms: CASE, CAST, EXTRACT, SUBSTRING, POSITION, TRIM, EXISTS, IN")
    func specialForms() throws {
        let a = Self.column("a")
        #expect(try Parser.parseExpression("CASE a WHEN 1 THEN 2 ELSE 3 END").kind
            == .caseWhen(CaseExpression(operand: a, branches: [WhenClause(condition: Self.integer("1"), result: Self.integer("2"))],
                                        elseResult: Self.integer("3"))))
        #expect(try Parser.parseExpression("CAST(a AS NUMERIC(10,2))").kind == .cast(a, TypeName("decimal", parameters: [10, 2]), .cast))
        #expect(try Parser.parseExpression("TRY_CAST(a AS text)").kind == .cast(a, TypeName("varchar"), .tryCast))
        #expect(try Parser.parseExpression("a::date").kind == .cast(a, TypeName("date"), .doubleColon))
        #expect(try Parser.parseExpression("extract(Year from a)").kind == .extract(field: "year", a))
        #expect(try Parser.parseExpression("substring(a for 2)").kind == .substring(a, from: nil, for: Self.integer("2")))
        #expect(try Parser.parseExpression("position('x' in a)").kind == .position(Expression(.literal(.string("x"))), in: a))
        #expect(try Parser.parseExpression("trim(both 'x' from a)").kind == .trim(.both, characters: Expression(.literal(.string("x"))), a))
        #expect(try Parser.parseExpression("trim(leading from a)").kind == .trim(.leading, characters: nil, a))
        #expect(try Parser.parseExpression("a not in (1)").kind == .inList(a, [Self.integer("1")], negated: true))
        #expect(try Parser.parseExpression("a not ilike 'x' escape '!'").kind
            == .like(a, pattern: Expression(.literal(.string("x"))), escape: Expression(.literal(.string("!"))), caseInsensitive: true, negated: true))
        #expect(try Parser.parseExpression("a is not distinct from b").kind == .isDistinctFrom(a, Self.column("b"), negated: true))
        #expect(try Parser.parseExpression("a is not true").kind == .isBoolean(a, value: true, negated: true))
        guard case .exists(let query) = try Parser.parseExpression("exists (select 1)").kind else {
            Issue.record("not EXISTS")
            return
        }
        #expect(query.body == .select(Select(items: [.expression(Self.integer("1"), alias: nil)])))
    }

    @Test(
        "Type names normalise",
        arguments: [
            ("INT", "INTEGER"), ("int4", "INTEGER"), ("INTEGER", "INTEGER"), ("bigint", "BIGINT"), ("INT8", "BIGINT"),
            ("int2", "SMALLINT"), ("TINYINT", "TINYINT"), ("REAL", "REAL"), ("float4", "REAL"), ("FLOAT", "DOUBLE"),
            ("double precision", "DOUBLE"), ("float8", "DOUBLE"), ("NUMERIC(10, 2)", "DECIMAL(10, 2)"), ("decimal", "DECIMAL"),
            ("varchar(20)", "VARCHAR(20)"), ("TEXT", "VARCHAR"), ("string", "VARCHAR"), ("char(3)", "CHAR(3)"),
            ("character varying(5)", "VARCHAR(5)"), ("bool", "BOOLEAN"), ("DATE", "DATE"), ("time", "TIME"),
            ("timestamp", "TIMESTAMP"), ("TIMESTAMP WITHOUT TIME ZONE", "TIMESTAMP"), ("timestamp with time zone", "TIMESTAMPTZ"),
            ("TIMESTAMPTZ", "TIMESTAMPTZ"), ("bytea", "BLOB"), ("BINARY", "BLOB"), ("uuid", "UUID"), ("interval", "INTERVAL"),
            ("INT[]", "INTEGER[]"), ("varchar[][]", "VARCHAR[][]"), ("LIST(bigint)", "BIGINT[]"),
            ("STRUCT(a INT, \"B\" text)", "STRUCT(a INTEGER, \"B\" VARCHAR)"), ("geometry", "\"geometry\""), ("\"int\"", "\"int\""), ("\"My Type\"", "\"My Type\""),
        ])
    func typeNames(sql: String, canonical: String) throws {
        #expect(Unparser.typeName(try Parser.parseTypeName(sql)) == canonical)
    }
}
