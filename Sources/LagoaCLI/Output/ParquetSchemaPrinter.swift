import LagoaColumnar
import LagoaParquet

/// Renders a Parquet schema as an indented tree of elements with their annotations, followed by
/// the Arrow types Lagoa reads the top-level fields as.
enum ParquetSchemaPrinter {
    static func render(_ schema: ParquetSchema) -> String {
        var lines: [String] = []
        var index = 0
        func walk(depth: Int) {
            let element = schema.elements[index]
            index += 1
            let indent = String(repeating: "  ", count: depth)
            var parts: [String] = []
            if depth > 0 { parts.append((element.repetitionType ?? .optional).description.lowercased()) }
            if let type = element.type {
                var t = type.description
                if type == .fixedLenByteArray, let length = element.typeLength { t += "(\(length))" }
                parts.append(t)
            } else {
                parts.append(depth == 0 ? "message" : "group")
            }
            parts.append(element.name)
            if let logical = element.logicalType {
                parts.append("(\(logical))")
            } else if let converted = element.convertedType {
                parts.append("(\(converted))")
            }
            if let id = element.fieldId { parts.append("= \(id)") }
            lines.append(indent + parts.joined(separator: " "))
            for _ in 0..<Int(element.numChildren ?? 0) { walk(depth: depth + 1) }
        }
        if !schema.elements.isEmpty { walk(depth: 0) }
        lines.append("")
        lines.append("Arrow schema:")
        for field in schema.arrowSchema.fields {
            lines.append("  \(field.name): \(field.type)\(field.nullable ? "" : " not null")")
        }
        return lines.joined(separator: "\n")
    }
}
