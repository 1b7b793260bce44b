import Foundation
import LLM
import LabCore
import Transport

/// A model behind an OpenAI-compatible `POST …/v1/chat/completions` (kind `openai`), through the shared
/// ``LLM/OpenAIClient``.
///
/// The visible history is sent from this chatter's point of view: its own utterances as `assistant`, the other's as
/// `user`, after the `system` prompt. Metrics: `retries`, `http_status`, `prompt_tokens`, `completion_tokens`,
/// `tokens_per_second` (completion tokens over the answer's seconds) when the server reports usage, and `ttft`
/// (seconds to the first content token) when streaming.
public struct OpenAIChatter: Chatter, CustomStringConvertible {
    public var model: String
    public var temperature: Double?
    public var maxTokens: Int?
    public var seed: Int?
    public var system: String?
    public var stream: Bool
    public var client: OpenAIClient

    public init(client: OpenAIClient, model: String, temperature: Double? = nil, maxTokens: Int? = nil,
                seed: Int? = nil, system: String? = nil, stream: Bool = false) {
        self.client = client
        self.model = model
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.seed = seed
        self.system = system
        self.stream = stream
    }

    /// Names the endpoint and model, never the key.
    public var description: String { "openai \(model) at \(client.baseURL)\(stream ? " (streaming)" : "")" }

    public func reply(to request: ChatRequest) async throws -> ChatReply {
        let completion: ChatCompletion
        do {
            completion = try await client.complete(
                completionRequest(for: request), seed: request.seed, conversation: request.conversation)
        } catch let failure as NetworkFailure {
            throw failure.chatterError()
        }
        var metrics: [String: Double] = ["retries": Double(completion.retries), "http_status": Double(completion.status)]
        if let ttft = completion.ttft { metrics["ttft"] = ttft }
        if let usage = completion.usage {
            metrics["prompt_tokens"] = Double(usage.prompt)
            metrics["completion_tokens"] = Double(usage.completion)
            if let rate = completion.tokensPerSecond { metrics["tokens_per_second"] = rate }
        }
        return ChatReply(completion.text, metrics: metrics)
    }

    /// The request for a turn.
    func completionRequest(for request: ChatRequest) -> ChatCompletionRequest {
        var messages: [ChatCompletionRequest.Message] = []
        if let system { messages.append(.init(role: "system", content: system)) }
        for (role, content) in TemplateValues(request).history { messages.append(.init(role: role, content: content)) }
        return ChatCompletionRequest(
            model: model, messages: messages, temperature: temperature, maxTokens: maxTokens, seed: seed, stream: stream)
    }

    /// Closes the conversation's kept connection.
    public func endConversation(_ conversation: String) async {
        await client.endConversation(conversation)
    }
}
