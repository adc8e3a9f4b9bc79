/// Escapes text for an XML element body (`&`, `<`, `>`, quotes, and the carriage return S3 keys
/// may hold, which XML parsers would otherwise normalise away).
func xmlEscape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&apos;"
        case "\r": result += "&#13;"
        case "\n": result += "&#10;"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result
}
