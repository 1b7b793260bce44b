import Foundation
import LabCore

/// A model behind an OpenAI-compatible `POST …/v1/chat/completions` (kind `openai`).
///
/// The visible history is sent from this chatter's point of view: its own utterances as `assistant`, the other's as
/// `user`, after the `system` prompt. Metrics: `retries`, `http_status`, `prompt_tokens`, `completion_tokens`,
/// `tokens_per_second` (completion tokens over the answer's seconds) when the server reports usage, and `ttft`
/// (seconds to the first content token) when streaming.
public struct OpenAIChatter: Chatter, CustomStringConvertible {
    public var endpoint: Endpoint
    public var model: String
    public var headers: HeaderSettings
    public var temperature: Double?
    public var maxTokens: Int?
    public var seed: Int?
    public var system: String?
    public var stream: Bool
    public var timeout: Duration
    /// The most bytes of one answer, streamed or not (see ``ReplyLimit``).
    public var maxReplyBytes: Int
    public var client: RetryingClient

    public init(endpoint: Endpoint, model: String, headers: HeaderSettings = HeaderSettings(), temperature: Double? = nil,
                maxTokens: Int? = nil, seed: Int? = nil, system: String? = nil, stream: Bool = false,
                timeout: Duration = .seconds(30), retry: RetryPolicy = RetryPolicy(),
                maxReplyBytes: Int = ReplyLimit.defaultBytes) {
        self.maxReplyBytes = maxReplyBytes
        self.endpoint = endpoint
        self.model = model
        self.headers = headers
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.seed = seed
        self.system = system
        self.stream = stream
        self.timeout = timeout
        client = RetryingClient(policy: retry)
    }

    /// Names the endpoint and model, never the key.
    public var description: String { "openai \(model) at \(endpoint)\(stream ? " (streaming)" : "")" }

    public func reply(to request: ChatRequest) async throws -> ChatReply {
        let call = HTTPCall(endpoint: endpoint, headers: headers, body: Data(body(for: request).text.utf8), timeout: timeout,
                            maxReplyBytes: maxReplyBytes)
        let outcome = try await client.send(call, seed: request.seed, conversation: request.conversation)
        do {
            let completion = stream
                ? try OpenAICompletion(streamed: outcome.answer) : try OpenAICompletion(body: outcome.answer.body)
            var metrics = outcome.metrics
            if let ttft = completion.ttft { metrics["ttft"] = ttft }
            if let usage = completion.usage {
                metrics["prompt_tokens"] = Double(usage.prompt)
                metrics["completion_tokens"] = Double(usage.completion)
                if outcome.answer.seconds > 0 {
                    metrics["tokens_per_second"] = Double(usage.completion) / outcome.answer.seconds
                }
            }
            return ChatReply(completion.text, metrics: metrics)
        } catch let failure as NetworkFailure {
            throw failure.chatterError(retries: outcome.retries)
        }
    }

    /// The request body for a turn.
    func body(for request: ChatRequest) -> JSON {
        var messages: [JSON] = []
        if let system { messages.append(.object(["role": "system", "content": .string(system)])) }
        for (role, content) in TemplateValues(request).history {
            messages.append(.object(["role": .string(role), "content": .string(content)]))
        }
        var body: [String: JSON] = ["model": .string(model), "messages": .array(messages), "stream": .bool(stream)]
        if stream { body["stream_options"] = .object(["include_usage": .bool(true)]) }
        if let temperature { body["temperature"] = .number(temperature) }
        if let maxTokens { body["max_tokens"] = .number(Double(maxTokens)) }
        if let seed { body["seed"] = .number(Double(seed)) }
        return .object(body)
    }

    /// Closes the conversation's kept connection.
    public func endConversation(_ conversation: String) async {
        client.endConversation(conversation)
    }
}
