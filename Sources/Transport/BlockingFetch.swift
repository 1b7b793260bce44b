import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one request through the network layer (``RetryingClient``'s exchange, without retries) and waits for the
/// whole answer on the calling thread, reading at most ``maxBytes`` of body and waiting at most ``timeout`` seconds.
///
/// For synchronous callers only (the toxicity backends), from threads of their own (``LabCore/BlockingWork``), never
/// from Swift's cooperative pool: the request itself runs as a task, and the calling thread waits for it. The
/// `Authorization` header's value is a secret: an answer echoing it has it redacted.
public struct BlockingFetch: Sendable {
    /// The most body bytes read (default 16 MiB: ample for embeddings of a large batch or a judge's answer).
    public var maxBytes: Int
    /// Seconds for the whole exchange.
    public var timeout: Double
    /// The connections this fetch (and copies of it) reuse.
    public let clients: ConversationClients

    public static let defaultMaxBytes = 16 << 20

    public init(maxBytes: Int = BlockingFetch.defaultMaxBytes, timeout: Double, settings: ClientSettings = ClientSettings()) {
        self.maxBytes = maxBytes
        self.timeout = timeout
        clients = ConversationClients(settings: settings)
    }

    /// A complete answer: its HTTP status and body.
    public struct Reply: Sendable {
        public var status: Int
        public var body: Data
    }

    /// Why no complete answer came.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case timedOut(seconds: Double)
        /// The body passed the limit (or the server announced a longer one).
        case tooLarge(limit: Int)
        case failed(String)

        public var description: String {
            switch self {
            case .timedOut(let seconds): return "timed out after \(Self.format(seconds)) s"
            case .tooLarge(let limit): return "the answer is larger than \(limit) bytes (too_large)"
            case .failed(let message): return "request failed: \(message)"
            }
        }

        private static func format(_ seconds: Double) -> String {
            seconds == seconds.rounded() && abs(seconds) < 1e9 ? String(Int(seconds)) : String(seconds)
        }
    }

    /// Sends `request` and returns the answer, whatever its status.
    /// - Throws: ``Failure``.
    public func send(_ request: URLRequest) throws -> Reply {
        let call = try call(for: request)
        let clients = clients
        let result = Result {
            try BlockingWait.run {
                let (client, _) = try clients.client(for: "")
                return try await HTTPExchange.send(call, client: client)
            }
        }
        switch result {
        case .success(let answer): return Reply(status: answer.status, body: answer.body)
        case .failure(let failure as NetworkFailure):
            switch failure {
            case .timeout: throw Failure.timedOut(seconds: timeout)
            case .tooLarge: throw Failure.tooLarge(limit: maxBytes)
            default: throw Failure.failed(failure.message)
            }
        case .failure(let error): throw Failure.failed("\(error)")
        }
    }

    private func call(for request: URLRequest) throws -> HTTPCall {
        guard let url = request.url?.absoluteString, let endpoint = Endpoint(url, schemes: ["http", "https"]) else {
            throw Failure.failed("'\(request.url?.absoluteString ?? "")' is not an http(s) URL")
        }
        var headers = HeaderSettings()
        for (name, value) in request.allHTTPHeaderFields ?? [:] {
            headers.add(name: name, value: value, secret: name.lowercased() == "authorization" ? value : nil)
        }
        return HTTPCall(
            endpoint: endpoint, method: .init(rawValue: request.httpMethod ?? "GET"), headers: headers,
            body: request.httpBody, timeout: .milliseconds(Int64(min(timeout, 86_400) * 1000)), maxReplyBytes: maxBytes)
    }
}
