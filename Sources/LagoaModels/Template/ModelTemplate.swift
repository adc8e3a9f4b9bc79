/// A model's SQL with its dbt-style template parts: `{{ ref('name') }}`, `{{ source('src',
/// 'table') }}`, `{{ this }}`, `{% if is_incremental() %} … {% else %} … {% endif %}` and
/// `{# comments #}`. Parsing finds the dependencies (for the DAG) without a catalog; rendering
/// turns the parts into table names.
///
/// Only these constructs are accepted — anything else inside `{{ }}` or `{% %}` is an error naming
/// the line and column — so a model never silently renders to something else than its author meant.
public struct ModelTemplate: Sendable, Equatable {
    /// One piece of the template.
    public enum Part: Sendable, Equatable {
        case text(String)
        case ref(String)
        case source(String, String)
        case this
        /// `{% if is_incremental() %}` then-parts, else-parts.
        case ifIncremental([Part], [Part])
    }

    public let parts: [Part]
    /// `models/sales/sot/customers.sql`, for messages.
    public let path: String

    /// Parses `text`.
    /// - Throws: ``ModelError/Code/template`` with `path:line:column` for an unclosed `{{`, `{%` or
    ///   `{#`, an unknown expression or tag, or an `if` without `endif`.
    public init(_ text: String, path: String) throws(ModelError) {
        self.path = path
        var scanner = TemplateScanner(Array(text.utf8), path: path)
        self.parts = try scanner.parts(until: []).0
    }

    /// Model names used with `ref()`, in order of first use.
    public var refs: [String] {
        var seen = Set<String>()
        return Self.collect(parts) { if case .ref(let name) = $0 { name } else { nil } }.filter { seen.insert($0).inserted }
    }

    /// `(source, table)` pairs used with `source()`, in order of first use.
    public var sources: [(source: String, table: String)] {
        var seen = Set<String>()
        return Self.collect(parts) { if case .source(let s, let t) = $0 { "\(s)\u{1F}\(t)" } else { nil } }
            .filter { seen.insert($0).inserted }
            .map { key in
                let pieces = key.split(separator: "\u{1F}", omittingEmptySubsequences: false)
                return (String(pieces[0]), String(pieces[1]))
            }
    }

    /// The SQL with every part replaced: `resolve` names the table of a ref, a source, or `this`.
    /// - Parameter incremental: which branch of `{% if is_incremental() %}` to keep.
    public func render(incremental: Bool, resolve: (Part) throws -> String) rethrows -> String {
        try Self.render(parts, incremental: incremental, resolve: resolve)
    }

    private static func render(_ parts: [Part], incremental: Bool, resolve: (Part) throws -> String) rethrows -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let text): out += text
            case .ifIncremental(let then, let otherwise):
                out += try render(incremental ? then : otherwise, incremental: incremental, resolve: resolve)
            default: out += try resolve(part)
            }
        }
        return out
    }

    private static func collect(_ parts: [Part], _ pick: (Part) -> String?) -> [String] {
        var out: [String] = []
        for part in parts {
            if case .ifIncremental(let a, let b) = part {
                out += collect(a, pick) + collect(b, pick)
            } else if let value = pick(part) {
                out.append(value)
            }
        }
        return out
    }
}
