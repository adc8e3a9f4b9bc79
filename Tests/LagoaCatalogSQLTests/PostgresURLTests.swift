import Testing

@testable import LagoaCatalogSQL

/// Passwords never reach a message: the redacted form and the scrubber.
@Suite struct PostgresURLTests {
    @Test(arguments: [
        ("postgresql://lagoa:s3cret@db.example:5432/lake", "postgresql://lagoa@db.example:5432/lake"),
        ("postgresql+psycopg2://lagoa:s3cret@127.0.0.1:6543/lake?sslmode=disable", "postgresql://lagoa@127.0.0.1:6543/lake"),
        ("postgres://lagoa@localhost/lake?password=s3cret&sslmode=require", "postgres://lagoa@localhost/lake"),
        ("postgresql://localhost", "postgresql://localhost"),
        ("postgresql://u:p%40ss@h/d", "postgresql://u@h/d"),
    ])
    func redactsThePassword(_ url: String, _ redacted: String) {
        #expect(PostgresURL(url).redacted == redacted)
    }

    @Test func scrubsThePasswordFromServerText() {
        let url = PostgresURL("postgresql://lagoa:p%40ss-word@h:1/d?password=other-secret")
        #expect(url.scrub("auth failed for p@ss-word, p%40ss-word and other-secret") == "auth failed for ***, *** and ***")
        #expect(PostgresURL("postgresql+psycopg2://a:b@h/d").connectionString == "postgresql://a:b@h/d")
    }

    @Test func numbersPlaceholders() {
        #expect(PostgresConnection.numberedPlaceholders("a = ? AND b = ? OR c = ?") == "a = $1 AND b = $2 OR c = $3")
    }
}
