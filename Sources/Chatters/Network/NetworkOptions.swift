import Foundation
import LabYAML
import NIOHTTP1

/// Reading the options network chatters share (`timeout`, `retries`, `backoff`, `reply_path`, `data_paths`, `method`).
enum NetworkOptions {
    static func timeout(_ options: YAMLMap, default seconds: Double = 30) throws -> Duration {
        .seconds(try options["timeout"]?.double(in: 0.001...86_400) ?? seconds)
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

    static let retryOptions: [(key: String, meaning: String)] = [
        ("timeout", "seconds per attempt (default 30)"),
        ("retries", "extra attempts after connection errors, 429 and 5xx (default 2)"),
        ("backoff", "seconds of the first backoff, doubled each retry, with seeded jitter (default 0.5); a valid "
            + "Retry-After wins, capped at 30 s and at the timeout"),
        maxReplyBytesOption,
    ]
}
