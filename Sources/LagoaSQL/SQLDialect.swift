/// The SQL dialect Lagoa speaks: PostgreSQL/DuckDB flavoured (double-quoted identifiers, `::` casts,
/// `ILIKE`, `INTERVAL '3 days'`, typed literals, E'' escapes, `--` and `/* */` comments).
public enum SQLDialect: Sendable {
    case lagoa
}
