import Testing
import LagoaSQL

@Suite struct ASTTests {
    @Test("Spans do not take part in equality")
    func spansIgnored() {
        let a = Expression(.column(QualifiedName("t", "c")), span: SourceSpan(start: 0, end: 3))
        let b = Expression(.column(QualifiedName("t", "c")), span: SourceSpan(start: 10, end: 13))
        #expect(a == b)
        #expect(a != Expression(.column(QualifiedName("t", "d"))))
    }

    @Test("Byte offsets map to line and column")
    func location() {
        let text = "SELECT 1\nFROM  é t"
        #expect(SourceLocation(offset: 0, in: text) == SourceLocation(line: 1, column: 1))
        #expect(SourceLocation(offset: 9, in: text) == SourceLocation(line: 2, column: 1))
        // "é" is two bytes but one column.
        #expect(SourceLocation(offset: 18, in: text) == SourceLocation(line: 2, column: 9))
    }
}
