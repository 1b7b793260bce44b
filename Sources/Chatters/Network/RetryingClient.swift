import Foundation
import LabCore

/// The one place network chatters send HTTP requests: retries connection errors, 429 and 5xx with backoff (see
/// ``RetryPolicy``), and turns every other problem into a ``ChatterError`` of the right kind.
///
/// Each conversation keeps its connection open between turns when the server allows it (HTTP keep-alive); a retry
/// after a connection problem always starts on a new one.
public struct RetryingClient: Sendable {
    public var policy: RetryPolicy
    private let pool = HTTPConnectionPool()

    public init(policy: RetryPolicy) {
        self.policy = policy
    }

    /// A 2xx answer and how many retries it took.
    public struct Outcome: Sendable {
        public var answer: HTTPAnswer
        public var retries: Int

        /// `retries` and `http_status`, for the turn's metrics.
        public var metrics: [String: Double] { ["retries": Double(retries), "http_status": Double(answer.status)] }
    }

    /// Sends `call` until it gets a 2xx answer or runs out of retries, over the conversation's kept connection.
    ///
    /// - Throws: ``ChatterError/failed(kind:message:)`` with kind `timeout`, `connection` or `http_<status>`.
    public func send(_ call: HTTPCall, seed: UInt64, conversation: String = "") async throws -> Outcome {
        var random = SeededRandom(seed: SeededRandom.derive(seed, 0x7265_7472_79))
        var attempt = 0
        while true {
            let failure: NetworkFailure
            var retryAfter: Double?
            do {
                let answer = try await HTTPTransport.send(call, pool: pool, conversation: conversation)
                if (200..<300).contains(answer.status) { return Outcome(answer: answer, retries: attempt) }
                failure = .http(status: answer.status, Self.statusMessage(answer, call))
                retryAfter = answer.retryAfter
            } catch let error as NetworkFailure {
                failure = error
            }
            guard failure.isRetryable, attempt < policy.retries else { throw failure.chatterError(retries: attempt) }
            let wait = policy.delay(attempt: attempt, retryAfter: retryAfter, cap: call.timeout.seconds, random: &random)
            try await Task.sleep(for: .seconds(wait))
            attempt += 1
        }
    }

    /// Closes the conversation's kept connection.
    public func endConversation(_ conversation: String) {
        pool.drop(conversation)
    }

    static func statusMessage(_ answer: HTTPAnswer, _ call: HTTPCall) -> String {
        let reason = HTTPStatusText.reason(answer.status)
        return "\(call.method.rawValue) \(call.endpoint) answered \(answer.status) \(reason): \(ReplyPath.excerpt(answer.body))"
    }
}

/// Reason phrases for the statuses bots commonly answer with.
enum HTTPStatusText {
    static func reason(_ status: Int) -> String {
        switch status {
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 408: return "Request Timeout"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return ""
        }
    }
}
