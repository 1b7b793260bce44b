/// Texts that make a reply count as an error although it arrived: the server's own "error" message and its
/// "too busy" message (the seed tool's target said "Une erreur est survenue" and "Nous rencontrons un trafic intense").
/// Matched case-insensitively as substrings of the reply text.
public struct ErrorPatterns: Sendable, Hashable {
    public var serverError: [String]
    public var throttled: [String]

    public static let defaultServerError = ["an error occurred", "erreur est survenue"]
    public static let defaultThrottled = ["too many requests", "trafic intense"]

    /// The patterns lowercased once (each reply is checked against them all).
    private let loweredServerError: [String]
    private let loweredThrottled: [String]

    public init(serverError: [String] = Self.defaultServerError, throttled: [String] = Self.defaultThrottled) {
        self.serverError = serverError
        self.throttled = throttled
        loweredServerError = serverError.map { $0.lowercased() }
        loweredThrottled = throttled.map { $0.lowercased() }
    }

    /// The error class of a reply that arrived: `throttled`, `server_error` or `nil` for a real answer.
    public func classify(reply text: String) -> String? {
        let lowered = text.lowercased()
        // The standard library's search (by characters), not Foundation's, which costs several times more per reply.
        if loweredThrottled.contains(where: { lowered.firstRange(of: $0) != nil }) { return ErrorClass.throttled }
        if loweredServerError.contains(where: { lowered.firstRange(of: $0) != nil }) { return ErrorClass.serverError }
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
