import Foundation
import NIOHTTP1

/// One HTTP request: of a network chatter, an LLM client, a judge or an encoder.
public struct HTTPCall: Sendable {
    public var endpoint: Endpoint
    public var method: HTTPMethod
    public var headers: HeaderSettings
    public var body: Data?
    /// The most time the whole exchange (connect, send, read the full answer) may take.
    public var timeout: Duration
    /// The most time until the answer's head arrives (`nil`: ``timeout``).
    public var firstByteTimeout: Duration?
    /// The most bytes of answer body read; a longer answer fails as ``NetworkFailure/tooLarge(_:)`` as soon as it
    /// passes the limit (or at once, when its `Content-Length` says so).
    public var maxReplyBytes: Int

    public init(endpoint: Endpoint, method: HTTPMethod = .POST, headers: HeaderSettings = HeaderSettings(),
                body: Data? = nil, timeout: Duration = .seconds(30), firstByteTimeout: Duration? = nil,
                maxReplyBytes: Int = ReplyLimit.defaultBytes) {
        self.firstByteTimeout = firstByteTimeout
        self.endpoint = endpoint
        self.method = method
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.maxReplyBytes = maxReplyBytes
    }
}

/// A complete HTTP answer.
public struct HTTPAnswer: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: Data
    /// Each body chunk with when it arrived, in seconds after the request was sent (for streams: time to first token).
    public var chunks: [(seconds: Double, bytes: Data)]
    /// Seconds from sending the request to the end of the answer.
    public var seconds: Double

    /// `Retry-After` in seconds (from its seconds or HTTP-date form, see ``RetryAfter``); `nil` when absent or invalid.
    public var retryAfter: Double? {
        headers.first(name: "retry-after").flatMap { RetryAfter.seconds($0) }
    }
}
