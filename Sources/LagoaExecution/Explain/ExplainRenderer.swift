/// Renders a physical plan for `EXPLAIN` and `EXPLAIN ANALYZE`: one line per operator, children
/// indented by two spaces under their parent.
///
/// ```
/// SortExec: [revenue DESC NULLS FIRST]  rows=10 batches=1 time=3.2ms
///   HashAggregateExec: …  rows=10 batches=1 time=41.0ms
///     ScanExec: lineitem  rows=600572 batches=74 time=120.5ms files pruned=3 of 40
/// ```
///
/// With `analyze`, each line adds the rows and batches the operator produced, the time spent in it
/// (for pipeline breakers this includes pulling from their inputs), and any extra metrics the
/// operator recorded (pruning, spilled bytes), sorted by name.
public enum ExplainRenderer {
    /// The plan as indented text, one operator per line, ending without a newline.
    public static func render(plan: any ExecutionPlan, analyze: Bool) -> String {
        var lines: [String] = []
        append(plan, depth: 0, analyze: analyze, into: &lines)
        return lines.joined(separator: "\n")
    }

    private static func append(_ plan: any ExecutionPlan, depth: Int, analyze: Bool, into lines: inout [String]) {
        var line = String(repeating: "  ", count: depth) + plan.displayText
        if analyze {
            let m = plan.metrics
            line += "  rows=\(m.outputRows) batches=\(m.outputBatches) time=\(milliseconds(m.elapsedSeconds))ms"
            for (key, value) in m.extra.sorted(by: { $0.key < $1.key }) {
                line += " \(key)=\(value)"
            }
        }
        lines.append(line)
        for child in plan.children { append(child, depth: depth + 1, analyze: analyze, into: &lines) }
    }

    /// `seconds` in milliseconds with one decimal.
    static func milliseconds(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10_000).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
