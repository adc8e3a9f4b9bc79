/// A PostgreSQL connection URL, `postgresql://user:password@host:port/database?option=value`, with
/// the form used in messages: the same URL without its password and options.
///
/// The password never appears in an error or log line: ``redacted`` leaves it out, and
/// ``scrub(_:)`` removes it from any text the server or libpq returns.
struct PostgresURL: Sendable {
    /// The URL as given, minus a SQLAlchemy driver suffix (`postgresql+psycopg2://` → `postgresql://`),
    /// so PyIceberg's catalog URI works here too.
    let connectionString: String
    /// `postgresql://user@host:port/database`, for messages.
    let redacted: String
    /// The password in the URL (user-info or `password=` option), if any, to scrub from messages.
    private let secrets: [String]

    init(_ url: String) {
        var text = url
        if let schemeEnd = text.firstRange(of: "://") {
            let scheme = text[..<schemeEnd.lowerBound]
            if let plus = scheme.firstIndex(of: "+") {
                text = String(scheme[..<plus]) + String(text[schemeEnd.lowerBound...])
            }
        }
        connectionString = text
        var secrets: [String] = []
        var display = text
        if let schemeEnd = text.firstRange(of: "://") {
            let rest = text[schemeEnd.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            let authority = rest[..<authorityEnd]
            var hostPart = authority
            var userPart: Substring = ""
            if let at = authority.lastIndex(of: "@") {
                hostPart = authority[authority.index(after: at)...]
                let userInfo = authority[..<at]
                if let colon = userInfo.firstIndex(of: ":") {
                    userPart = userInfo[..<colon]
                    secrets.append(String(userInfo[userInfo.index(after: colon)...]))
                } else {
                    userPart = userInfo
                }
            }
            let pathAndQuery = rest[authorityEnd...]
            let path = pathAndQuery.prefix { $0 != "?" }
            if let question = pathAndQuery.firstIndex(of: "?") {
                for option in pathAndQuery[pathAndQuery.index(after: question)...].split(separator: "&") {
                    if option.hasPrefix("password=") { secrets.append(String(option.dropFirst("password=".count))) }
                }
            }
            display = String(text[..<schemeEnd.upperBound]) + (userPart.isEmpty ? "" : userPart + "@") + hostPart + path
        }
        // Also the percent-decoded form, in case a message quotes the decoded password.
        self.secrets = secrets.flatMap { [$0, PostgresURL.percentDecoded($0)] }.filter { !$0.isEmpty }
        redacted = PostgresURL.scrub(display, self.secrets)
    }

    /// `text` with every occurrence of the URL's password replaced by `***`.
    func scrub(_ text: String) -> String {
        PostgresURL.scrub(text, secrets)
    }

    private static func scrub(_ text: String, _ secrets: [String]) -> String {
        var result = text
        for secret in secrets.sorted(by: { $0.count > $1.count }) {
            result = result.replacing(secret, with: "***")
        }
        return result
    }

    private static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
