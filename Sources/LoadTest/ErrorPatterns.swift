/// Texts that make a reply count as an error although it arrived: the server's own "error" message and its
/// "too busy" message (the seed tool's target said "Une erreur est survenue" and "Nous rencontrons un trafic intense").
/// Matched case-insensitively as substrings of the reply text.
public struct ErrorPatterns: Sendable, Hashable {
    public var serverError: [String]
    public var throttled: [String]

    public static let defaultServerError = ["an error occurred", "erreur est survenue"]
    public static let defaultThrottled = ["too many requests", "trafic intense"]

    public init(serverError: [String] = Self.defaultServerError, throttled: [String] = Self.defaultThrottled) {
        self.serverError = serverError
        self.throttled = throttled
    }

    /// The error class of a reply that arrived: `throttled`, `server_error` or `nil` for a real answer.
    public func classify(reply text: String) -> String? {
        let lowered = text.lowercased()
        if throttled.contains(where: { lowered.contains($0.lowercased()) }) { return ErrorClass.throttled }
        if serverError.contains(where: { lowered.contains($0.lowercased()) }) { return ErrorClass.serverError }
        return nil
    }
}

/// The error classes a message can end with: the chatters' failure kinds (`connection`, `timeout`, `http_<status>`,
/// `malformed`, `too_large`, ...) with HTTP 429 renamed `throttled`, plus the reply-text classes of ``ErrorPatterns``.
public enum ErrorClass {
    public static let throttled = "throttled"
    public static let serverError = "server_error"

    /// The class of a failure kind a chatter threw.
    public static func of(failureKind kind: String) -> String { kind == "http_429" ? throttled : kind }
}
