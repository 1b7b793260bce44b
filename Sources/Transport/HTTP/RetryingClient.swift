import Foundation
import AsyncHTTPClient
import LabCore

/// The one place HTTP requests are sent: retries connection errors, 429 and 5xx with backoff (see ``RetryPolicy``),
/// and turns every other problem into a ``NetworkFailure`` of the right kind.
///
/// Each conversation keeps its connection open between turns when the server allows it (HTTP keep-alive, see
/// ``ConversationClients``); a kept connection the server closed just as the request went out is replaced once,
/// without counting as a retry.
public struct RetryingClient: Sendable {
    public var policy: RetryPolicy
    public let clients: ConversationClients

    public init(policy: RetryPolicy = RetryPolicy(), settings: ClientSettings = ClientSettings()) {
        self.policy = policy
        clients = ConversationClients(settings: settings)
    }

    /// A 2xx answer and how many retries it took.
    public struct Outcome: Sendable {
        public var answer: HTTPAnswer
        public var retries: Int

        /// `retries` and `http_status`, for the turn's metrics.
        public var metrics: [String: Double] { ["retries": Double(retries), "http_status": Double(answer.status)] }
    }

    /// Sends `call` until it gets a 2xx answer or runs out of retries, over the conversation's kept connection.
    /// With `keepsFailedAnswer`, the last non-2xx answer is returned instead of thrown (for callers that read the
    /// server's own error message).
    ///
    /// - Throws: ``NetworkFailure`` (with the number of retries in its message).
    public func send(_ call: HTTPCall, seed: UInt64, conversation: String = "", keepsFailedAnswer: Bool = false)
        async throws -> Outcome
    {
        var random = SeededRandom(seed: SeededRandom.derive(seed, 0x7265_7472_79))
        var attempt = 0
        while true {
            let failure: NetworkFailure
            var retryAfter: Double?
            var lastAnswer: HTTPAnswer?
            do {
                let answer = try await sendOnce(call, conversation: conversation)
                lastAnswer = answer
                if (200..<300).contains(answer.status) { return Outcome(answer: answer, retries: attempt) }
                failure = .http(status: answer.status, Self.statusMessage(answer, call))
                retryAfter = answer.retryAfter
            } catch let error as NetworkFailure {
                failure = error
            }
            guard failure.isRetryable, attempt < policy.retries else {
                if keepsFailedAnswer, case .http = failure, let answer = lastAnswer {
                    return Outcome(answer: answer, retries: attempt)
                }
                throw failure.afterRetries(attempt)
            }
            let wait = policy.delay(attempt: attempt, retryAfter: retryAfter, cap: call.timeout.seconds, random: &random)
            try await Task.sleep(for: .seconds(wait))
            attempt += 1
        }
    }

    /// One exchange; a kept connection found closed before any answer is replaced once (the client's pool has
    /// dropped the closed one, so the second try opens a new connection).
    private func sendOnce(_ call: HTTPCall, conversation: String) async throws -> HTTPAnswer {
        let (client, fresh) = try clientFor(conversation, call: call)
        do {
            return try await HTTPExchange.send(call, client: client)
        } catch let failure as NetworkFailure {
            guard !fresh, case .connection = failure else { throw failure }
            return try await HTTPExchange.send(call, client: client)
        }
    }

    private func clientFor(_ conversation: String, call: HTTPCall) throws -> (client: HTTPClient, fresh: Bool) {
        do {
            return try clients.client(for: conversation)
        } catch {
            throw NetworkFailure.tls("cannot set up TLS for \(call.endpoint.address): \(error)")
        }
    }

    /// Closes the conversation's kept connection.
    public func endConversation(_ conversation: String) async {
        await clients.end(conversation)
    }

    static func statusMessage(_ answer: HTTPAnswer, _ call: HTTPCall) -> String {
        let reason = HTTPStatusText.reason(answer.status)
        return "\(call.method.rawValue) \(call.endpoint) answered \(answer.status) \(reason): \(BodyExcerpt.of(answer.body))"
    }
}

/// Reason phrases for the statuses servers commonly answer with.
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
