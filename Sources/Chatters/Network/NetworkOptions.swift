import Foundation
import Transport
import LabYAML
import NIOHTTP1

/// Reading the options network chatters share (`timeout`, `retries`, `backoff`, `reply_path`, `data_paths`, `method`).
enum NetworkOptions {
    static func timeout(_ options: YAMLMap, default seconds: Double = 30) throws -> Duration {
        .seconds(try options["timeout"]?.double(in: 0.001...86_400) ?? seconds)
    }

    /// The first-byte limit (`first_byte_timeout`, default: the whole `timeout`).
    static func firstByteTimeout(_ options: YAMLMap) throws -> Duration? {
        try options["first_byte_timeout"].map { .seconds(try $0.double(in: 0.001...86_400)) }
    }

    /// How the chatter connects: `ca_file` (relative to the config file), `insecure`, `connect_timeout`. A CA file
    /// that cannot be read is a config error; `insecure: true` is warned about once, when the config is loaded.
    static func clientSettings(_ options: YAMLMap, context: ChatterContext) throws -> ClientSettings {
        var tls = TLSSettings()
        if let value = options["ca_file"] {
            let name = try value.nonEmptyString()
            let path = name.hasPrefix("/") ? name : "\(context.baseDirectory)/\(name)"
            tls.caFile = path
            do {
                try tls.checkCAFile()
            } catch let problem as TLSSettings.CAFileProblem {
                throw value.badValue(
                    "names \(Excerpt.of(problem.description, limit: 200))",
                    fix: "Give the PEM file of the CA that signed the server's certificate; the path is relative to the config file.")
            }
        }
        if let value = options["insecure"], try value.bool() {
            tls.insecure = true
            context.warn(
                "\(value.location): insecure: true: server certificates are not checked; use it only for a test server")
        }
        let connect = try options["connect_timeout"].map { Duration.seconds(try $0.double(in: 0.001...600)) }
        return ClientSettings(tls: tls, connectTimeout: connect ?? .seconds(10))
    }

    static func retry(_ options: YAMLMap) throws -> RetryPolicy {
        RetryPolicy(
            retries: try options["retries"]?.int(in: 0...20) ?? 2,
            baseDelay: try options["backoff"]?.double(in: 0...600) ?? 0.5)
    }

    static func maxReplyBytes(_ options: YAMLMap) throws -> Int {
        try options["max_reply_bytes"]?.int(in: ReplyLimit.allowed) ?? ReplyLimit.defaultBytes
    }

    static let maxReplyBytesOption = (
        key: "max_reply_bytes",
        meaning: "the most bytes read of one answer (default 4194304, 4 MiB); a longer one ends the turn as too_large")

    static func replyPath(_ options: YAMLMap) throws -> ReplyPath? {
        guard let value = options["reply_path"] else { return nil }
        let text = try value.nonEmptyString()
        guard let path = ReplyPath(text) else {
            throw value.badValue("is '\(Excerpt.of(text))', which has an empty step", fix: "Write e.g. 'data.messages.0.text'.")
        }
        return path
    }

    static func dataPaths(_ options: YAMLMap) throws -> DataPaths {
        try DataPaths(yaml: options["data_paths"])
    }

    static let dataPathsOption = (
        key: "data_paths",
        meaning: "names for values to keep from each JSON answer as the turn's data, e.g. {intent: intent, buttons: data.buttons}; missing ones are left out")

    static func method(_ options: YAMLMap) throws -> HTTPMethod {
        guard let value = options["method"] else { return .POST }
        return HTTPMethod(rawValue: try value.choice(["POST", "PUT", "PATCH", "GET"]))
    }

    /// The options of every network chatter about connecting: TLS trust and time limits.
    static let connectionOptions: [(key: String, meaning: String)] = [
        ("ca_file", "PEM file of a private CA to trust for https:// or wss:// (besides the system's), relative to the config"),
        ("insecure", "true to accept any server certificate (self-signed test servers only; warned)"),
        ("connect_timeout", "seconds to open a connection, TLS handshake included (default 10)"),
    ]

    static let retryOptions: [(key: String, meaning: String)] = [
        ("timeout", "seconds per attempt, for the whole answer (default 30)"),
        ("first_byte_timeout", "seconds until the answer starts (default: timeout)"),
        ("retries", "extra attempts after connection errors, 429 and 5xx (default 2)"),
        ("backoff", "seconds of the first backoff, doubled each retry, with seeded jitter (default 0.5); a valid "
            + "Retry-After wins, capped at 30 s and at the timeout"),
        maxReplyBytesOption,
    ]
}
