public import LagoaObjectStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension S3Configuration {
    /// The configuration the AWS CLI would use, from environment variables and the shared files.
    ///
    /// - Credentials: `profile` when given explicitly; otherwise `AWS_ACCESS_KEY_ID`,
    ///   `AWS_SECRET_ACCESS_KEY` (and `AWS_SESSION_TOKEN`) when set; otherwise the profile named by
    ///   `AWS_PROFILE` (or `default`) in `~/.aws/credentials`, then in `~/.aws/config`.
    /// - Region: `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region`, else `us-east-1`.
    /// - Endpoint: `AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL`, the profile's `endpoint_url`; the
    ///   profile's `s3 = addressing_style = path|virtual` picks the addressing style.
    /// - Files: `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE` override the paths under `$HOME/.aws/`;
    ///   profiles are `[name]` sections in the credentials file and `[profile name]` (or `[default]`)
    ///   sections in the config file.
    /// - Throws: ``ObjectStoreError/Code/permissionDenied`` when no credentials are found (the message
    ///   lists where Lagoa looked), ``ObjectStoreError/Code/invalidArgument`` for a bad endpoint URL.
    public static func fromEnvironment(
        _ environment: [String: String] = processEnvironment(),
        profile: String? = nil
    ) throws(ObjectStoreError) -> S3Configuration {
        func value(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        let home = value("HOME") ?? "~"
        let credentialsFile = value("AWS_SHARED_CREDENTIALS_FILE") ?? home + "/.aws/credentials"
        let configFile = value("AWS_CONFIG_FILE") ?? home + "/.aws/config"
        let profileName = profile ?? value("AWS_PROFILE") ?? "default"
        let fromCredentialsFile = try AWSProfileFile.load(credentialsFile)?.section(profileName) ?? [:]
        let configSection = profileName == "default" ? "default" : "profile " + profileName
        let fromConfigFile = try AWSProfileFile.load(configFile)?.section(configSection) ?? [:]
        func fromProfile(_ key: String) -> String? {
            fromCredentialsFile[key] ?? fromConfigFile[key]
        }

        var credentials: S3Credentials?
        if profile == nil, let key = value("AWS_ACCESS_KEY_ID"), let secret = value("AWS_SECRET_ACCESS_KEY") {
            credentials = S3Credentials(accessKeyID: key, secretAccessKey: secret, sessionToken: value("AWS_SESSION_TOKEN"))
        } else if let key = fromProfile("aws_access_key_id"), let secret = fromProfile("aws_secret_access_key") {
            credentials = S3Credentials(accessKeyID: key, secretAccessKey: secret, sessionToken: fromProfile("aws_session_token"))
        }
        guard let credentials else {
            let envPart = profile == nil ? "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are not set and " : ""
            throw ObjectStoreError(
                .permissionDenied,
                "no AWS credentials found: \(envPart)profile '\(profileName)' has no aws_access_key_id and aws_secret_access_key in \(credentialsFile) or \(configFile); set the variables or add the profile"
            )
        }
        let region = value("AWS_REGION") ?? value("AWS_DEFAULT_REGION") ?? fromConfigFile["region"] ?? fromCredentialsFile["region"] ?? "us-east-1"
        let endpoint = try (value("AWS_ENDPOINT_URL_S3") ?? value("AWS_ENDPOINT_URL") ?? fromProfile("endpoint_url")).map {
            (url: String) throws(ObjectStoreError) in try S3Endpoint(url)
        }
        let style: AddressingStyle? =
            switch fromProfile("s3.addressing_style") {
            case "path": .path
            case "virtual": .virtualHosted
            default: nil
            }
        return S3Configuration(region: region, endpoint: endpoint, addressingStyle: style, credentials: credentials)
    }

    /// This process's environment variables.
    public static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}

/// An AWS shared credentials or config file: `[section]` headers, `key = value` lines, `#`/`;`
/// comments, and indented sub-settings (`s3 =` followed by `  addressing_style = path`, stored as
/// `s3.addressing_style`).
struct AWSProfileFile {
    var sections: [String: [String: String]] = [:]

    func section(_ name: String) -> [String: String]? {
        sections[name]
    }

    /// Reads and parses `path`; nil when the file does not exist.
    static func load(_ path: String) throws(ObjectStoreError) -> AWSProfileFile? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw ObjectStoreError(.io, "cannot read AWS profile file '\(path)': \(String(cString: strerror(code)))")
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else {
                throw ObjectStoreError(.io, "cannot read AWS profile file '\(path)': \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        return parse(String(decoding: bytes, as: UTF8.self))
    }

    static func parse(_ text: String) -> AWSProfileFile {
        var file = AWSProfileFile()
        var current: String?
        var parent: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let indented = rawLine.first == " " || rawLine.first == "\t"
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                let name = line.dropFirst().dropLast().trimmingWhitespace()
                current = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                parent = nil
                if file.sections[current!] == nil { file.sections[current!] = [:] }
                continue
            }
            guard let section = current, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingWhitespace().lowercased()
            let value = line[line.index(after: equals)...].trimmingWhitespace()
            if indented, let parent {
                file.sections[section]![parent + "." + key] = value
            } else {
                file.sections[section]![key] = value
                parent = value.isEmpty ? key : nil
            }
        }
        return file
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
