import Foundation
import NIOHTTP1

/// One HTTP request a network chatter makes.
public struct HTTPCall: Sendable {
    public var endpoint: Endpoint
    public var method: HTTPMethod
    public var headers: HeaderSettings
    public var body: Data?
    /// The most time the whole exchange (connect, send, read the full answer) may take.
    public var timeout: Duration

    public init(endpoint: Endpoint, method: HTTPMethod = .POST, headers: HeaderSettings = HeaderSettings(),
                body: Data? = nil, timeout: Duration = .seconds(30)) {
        self.endpoint = endpoint
        self.method = method
        self.headers = headers
        self.body = body
        self.timeout = timeout
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

    /// `Retry-After` in its seconds form, if present.
    public var retryAfter: Double? {
        headers.first(name: "retry-after").flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    }
}
