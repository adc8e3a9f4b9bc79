import LagoaSQL
import Testing

/// Exact messages of syntax errors: position, excerpt with caret, and hint.
@Suite struct SyntaxErrorTests {
    static func message(_ sql: String) -> String? {
        do {
            _ = try Parser.parse(sql)
            return nil
        } catch {
            return error.message
        }
    }

    @Test("A misspelt keyword is underlined and a near miss suggested")
    func misspeltFrom() {
        #expect(Self.message("-- find rows\nSELECT a FORM t") == """
            syntax error at line 2, column 10: expected FROM or end of statement, found identifier "FORM"
              SELECT a FORM t
                       ^^^^
              hint: did you mean FROM?
            """)
    }

    @Test("A misspelt WHERE after a table")
    func misspeltWhere() {
        #expect(Self.message("SELECT a FROM t WHRE a = 1") == """
            syntax error at line 1, column 17: expected end of statement, found identifier "WHRE"
              SELECT a FROM t WHRE a = 1
                              ^^^^
              hint: did you mean WHERE?
            """)
    }

    @Test("A misspelt statement keyword")
    func misspeltSelect() {
        #expect(Self.message("SELEC 1") == """
            syntax error at line 1, column 1: expected a statement such as SELECT, INSERT or CREATE, found identifier "SELEC"
              SELEC 1
              ^^^^^
              hint: did you mean SELECT?
            """)
    }

    @Test("A reserved word where an expression belongs")
    func reservedWord() {
        #expect(Self.message("SELECT a,\n       b,\n  FROM t") == """
            syntax error at line 3, column 3: expected an expression, found keyword FROM
                FROM t
                ^^^^
            """)
    }

    @Test("Unterminated string literal")
    func unterminatedString() {
        #expect(Self.message("SELECT 'abc") == """
            syntax error at line 1, column 8: unterminated string literal
              SELECT 'abc
                     ^
              hint: close the string with '
            """)
    }

    @Test("Unterminated E'' string after a trailing backslash")
    func unterminatedEscapeString() {
        #expect(Self.message("SELECT E'abc\\") == """
            syntax error at line 1, column 8: unterminated string literal
              SELECT E'abc\\
                     ^^
              hint: close the string with '
            """)
    }

    @Test("Unterminated quoted identifier")
    func unterminatedIdentifier() {
        #expect(Self.message("SELECT \"abc") == """
            syntax error at line 1, column 8: unterminated quoted identifier
              SELECT "abc
                     ^
              hint: close the identifier with "
            """)
    }

    @Test("Unterminated block comment")
    func unterminatedComment() {
        #expect(Self.message("SELECT 1 /* note") == """
            syntax error at line 1, column 10: unterminated /* comment
              SELECT 1 /* note
                       ^^
              hint: close the comment with */
            """)
    }

    @Test("Bad numbers")
    func badNumbers() {
        #expect(Self.message("SELECT 1e+") == """
            syntax error at line 1, column 8: invalid number "1e+": the exponent has no digits
              SELECT 1e+
                     ^^^
            """)
        #expect(Self.message("SELECT 12abc") == """
            syntax error at line 1, column 8: invalid number "12abc": trailing characters after the digits
              SELECT 12abc
                     ^^^^^
              hint: put a space between a number and a name, or quote the name
            """)
    }

    @Test("Bad escape in an E'' string")
    func badEscape() {
        #expect(Self.message("SELECT E'a\\qb'") == """
            syntax error at line 1, column 11: invalid escape sequence "\\q" in E'' string
              SELECT E'a\\qb'
                        ^^
              hint: supported escapes are \\n \\t \\r \\b \\f \\0 \\\\ \\' \\"
            """)
    }

    @Test("Unexpected end of input")
    func unexpectedEnd() {
        #expect(Self.message("SELECT a FROM") == """
            syntax error at line 1, column 14: unexpected end of input, expected a table name, file path or subquery
              SELECT a FROM
                           ^
            """)
        #expect(Self.message("SELECT (1 + 2") == """
            syntax error at line 1, column 14: unexpected end of input, expected ")"
              SELECT (1 + 2
                           ^
            """)
    }

    @Test("Invalid character")
    func invalidCharacter() {
        #expect(Self.message("SELECT a # b") == """
            syntax error at line 1, column 10: unexpected character "#"
              SELECT a # b
                       ^
            """)
    }

    @Test("Tabs and multi-byte characters keep the caret aligned")
    func alignment() {
        #expect(Self.message("SELECT 'é',\t, 1") == """
            syntax error at line 1, column 13: expected an expression, found ","
              SELECT 'é', , 1
                          ^
            """)
    }

    @Test("Errors carry code, position and span")
    func fields() throws {
        do {
            _ = try Parser.parseStatement("SELECT 1;\nSELECT FROM")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unexpectedToken)
            #expect(error.codeName == "unexpected_token")
            #expect(error.location == SourceLocation(line: 2, column: 8))
            #expect(error.span == SourceSpan(start: 17, end: 21))
            #expect(error.reason == "expected an expression, found keyword FROM")
        }
        #expect(throws: SQLSyntaxError.self) { try Parser.parseStatement("SELECT 1; SELECT 2") }
        #expect(throws: SQLSyntaxError.self) { try Parser.parseStatement("  ") }
    }

    @Test("Too many statements for parseStatement")
    func statementCount() {
        do {
            _ = try Parser.parseStatement("SELECT 1; SELECT 2")
        } catch {
            #expect(error.message == """
                syntax error at line 1, column 11: expected exactly one statement, found 2
                  SELECT 1; SELECT 2
                            ^^^^^^^^
                  hint: run the statements one at a time
                """)
        }
    }
}
