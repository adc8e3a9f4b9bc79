import LagoaSQL
import Testing

@Suite struct SQLSplitterTests {
    @Test("Splits on semicolons outside quotes and comments")
    func split() {
        let script = """
            SELECT 'a;b', "c;d" FROM t; -- trailing; comment
            /* block; /* nested; */ still comment; */ SELECT $$x;y$$, $tag$;$tag$, E'\\';' ;
            ;;
            INSERT INTO t VALUES (1)
            """
        #expect(SQLSplitter.split(script) == [
            "SELECT 'a;b', \"c;d\" FROM t",
            "-- trailing; comment\n/* block; /* nested; */ still comment; */ SELECT $$x;y$$, $tag$;$tag$, E'\\';'",
            "INSERT INTO t VALUES (1)",
        ])
        #expect(SQLSplitter.split("").isEmpty)
        #expect(SQLSplitter.split(" ; -- nothing\n ;").isEmpty)
    }

    @Test("A statement is complete when it ends with ; outside quotes and comments")
    func complete() {
        #expect(SQLSplitter.isComplete("SELECT 1;"))
        #expect(SQLSplitter.isComplete("SELECT 1;  -- done\n"))
        #expect(SQLSplitter.isComplete("SELECT 1; /* c */ "))
        #expect(!SQLSplitter.isComplete("SELECT 1"))
        #expect(!SQLSplitter.isComplete("SELECT ';"))
        #expect(!SQLSplitter.isComplete("SELECT 1 -- ;"))
        #expect(!SQLSplitter.isComplete("SELECT 1 /* ; */"))
        #expect(!SQLSplitter.isComplete("SELECT $$;"))
        #expect(!SQLSplitter.isComplete("SELECT 1; SELECT 2"))
        #expect(!SQLSplitter.isComplete("SELECT 1; /* open"))
        #expect(!SQLSplitter.isComplete(""))
    }

    @Test("Split statements parse to the same statements as the whole script")
    func agreesWithParser() throws {
        let script = "SELECT 1; SELECT 'x;y'; /* ; */ SELECT \"a;\" FROM t;"
        let whole = try Parser.parse(script)
        let pieces = try SQLSplitter.split(script).map { try Parser.parseStatement($0) }
        #expect(whole == pieces)
    }
}
