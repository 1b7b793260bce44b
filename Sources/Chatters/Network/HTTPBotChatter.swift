import Foundation
import Transport
import LabCore
import NIOHTTP1

/// A bot behind an HTTP endpoint (kind `http`): each turn sends the rendered ``RequestTemplate`` and reads the reply
/// text at ``reply_path`` (or the whole body as plain text), and the values at ``dataPaths`` into the reply's data.
///
/// Metrics per turn: `retries`, `http_status`. Failures: `timeout`, `connection`, `http_<status>`, `malformed`,
/// `too_large`.
public struct HTTPBotChatter: Chatter, CustomStringConvertible {
    public var endpoint: Endpoint
    public var method: HTTPMethod
    public var headers: HeaderSettings
    /// The JSON body; `nil` sends no body (e.g. for GET).
    public var body: RequestTemplate?
    public var replyPath: ReplyPath?
    /// Values picked out of each answer besides the text, into ``ChatReply/data``.
    public var dataPaths: DataPaths
    public var timeout: Duration
    /// The most time until the answer starts (`nil`: ``timeout``).
    public var firstByteTimeout: Duration?
    /// The most bytes of one answer (see ``ReplyLimit``).
    public var maxReplyBytes: Int
    public var client: RetryingClient

    public init(endpoint: Endpoint, method: HTTPMethod = .POST, headers: HeaderSettings = HeaderSettings(),
                body: RequestTemplate?, replyPath: ReplyPath?, dataPaths: DataPaths = DataPaths(),
                timeout: Duration = .seconds(30), firstByteTimeout: Duration? = nil, retry: RetryPolicy = RetryPolicy(),
                settings: ClientSettings = ClientSettings(), maxReplyBytes: Int = ReplyLimit.defaultBytes) {
        self.maxReplyBytes = maxReplyBytes
        self.firstByteTimeout = firstByteTimeout
        self.endpoint = endpoint
        self.method = method
        self.headers = headers
        self.body = body
        self.replyPath = replyPath
        self.dataPaths = dataPaths
        self.timeout = timeout
        client = RetryingClient(policy: retry, settings: settings)
    }

    /// Names the endpoint and header names, never header values.
    public var description: String { "http \(method.rawValue) \(endpoint) (\(headers))" }

    public func reply(to request: ChatRequest) async throws -> ChatReply {
        let payload = body.map { Data($0.render(TemplateValues(request)).text.utf8) }
        let call = HTTPCall(endpoint: endpoint, method: method, headers: headers, body: payload, timeout: timeout,
                            firstByteTimeout: firstByteTimeout, maxReplyBytes: maxReplyBytes)
        let outcome: RetryingClient.Outcome
        do {
            outcome = try await client.send(call, seed: request.seed, conversation: request.conversation)
        } catch let failure as NetworkFailure {
            throw failure.chatterError()
        }
        let text: String
        do {
            text = try replyPath?.extract(from: outcome.answer.body) ?? String(decoding: outcome.answer.body, as: UTF8.self)
        } catch let failure as NetworkFailure {
            throw failure.chatterError(retries: outcome.retries)
        }
        return ChatReply(text, metrics: outcome.metrics, data: dataPaths.values(in: outcome.answer.body))
    }

    /// Closes the conversation's kept connection.
    public func endConversation(_ conversation: String) async {
        await client.endConversation(conversation)
    }
}
