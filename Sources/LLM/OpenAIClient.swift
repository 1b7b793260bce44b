import Foundation
import LabCore
import Transport

/// The one client of OpenAI-compatible APIs (OpenAI, Groq, OpenRouter, Together, Azure, vLLM, llama.cpp, Ollama...):
/// chat completions, streamed or not, with usage and JSON-schema output, and embeddings. Used by the `openai`
/// chatter, the LLM judge and the remote encoder.
///
/// Requests go through the network layer (``Transport/RetryingClient``): HTTPS with the configured trust, kept
/// connections per conversation, retries of 429 / 5xx / connection problems with Retry-After, bounded answers, and
/// the API key redacted from anything the server sends back. Nothing blocks a thread while waiting.
public struct OpenAIClient: Sendable, CustomStringConvertible {
    /// The API root, e.g. `https://api.openai.com/v1`; requests go to `<base>/chat/completions`, `<base>/embeddings`.
    public var baseURL: Endpoint
    /// `Authorization: Bearer <key>` when there is a key, plus any extra headers; the key is a secret.
    public var headers: HeaderSettings
    /// The most time for a whole answer (streams included).
    public var timeout: Duration
    /// The most time until an answer starts (`nil`: ``timeout``).
    public var firstByteTimeout: Duration?
    public var maxReplyBytes: Int
    public let http: RetryingClient

    public init(baseURL: Endpoint, apiKey: String? = nil, headers: HeaderSettings = HeaderSettings(),
                timeout: Duration = .seconds(60), firstByteTimeout: Duration? = nil, retry: RetryPolicy = RetryPolicy(),
                settings: ClientSettings = ClientSettings(), maxReplyBytes: Int = ReplyLimit.defaultBytes) {
        self.baseURL = baseURL
        var headers = headers
        if let apiKey, !apiKey.isEmpty { headers.add(name: "Authorization", value: "Bearer \(apiKey)", secret: apiKey) }
        self.headers = headers
        self.timeout = timeout
        self.firstByteTimeout = firstByteTimeout
        self.maxReplyBytes = maxReplyBytes
        http = RetryingClient(policy: retry, settings: settings)
    }

    /// Names the endpoint, never the key.
    public var description: String { "\(baseURL)" }

    /// Asks for a completion. A non-streamed request is answered from `cache` when it holds the same request; the
    /// answer is stored there only when `accept` takes it (e.g. a judge's valid verdict).
    ///
    /// - Parameters:
    ///   - seed: seeds the retry backoff's jitter (the same seed waits the same).
    ///   - conversation: keeps this conversation's connection between calls; end it with ``endConversation(_:)``.
    /// - Throws: ``Transport/NetworkFailure`` (kinds `timeout`, `connection`, `tls`, `http_<status>`, `malformed`,
    ///   `too_large`), with the retries in its message.
    public func complete(
        _ request: ChatCompletionRequest, seed: UInt64 = 0, conversation: String = "",
        cache: (any CompletionCache)? = nil, accept: (ChatCompletion) -> Bool = { _ in true }
    ) async throws -> ChatCompletion {
        let body = request.body()
        if !request.stream, let cache, let stored = cache.answer(for: body),
            var completion = try? ChatCompletion(body: stored), accept(completion)
        {
            completion.cached = true
            return completion
        }
        let outcome = try await http.send(call("/chat/completions", body: body), seed: seed, conversation: conversation)
        var completion: ChatCompletion
        do {
            completion = request.stream
                ? try ChatCompletion(streamed: outcome.answer) : try ChatCompletion(body: outcome.answer.body)
        } catch let failure as NetworkFailure {
            throw failure.afterRetries(outcome.retries)
        }
        // The body was redacted as a whole; a secret split across two stream chunks is caught in the joined text.
        completion.text = headers.secrets.redact(completion.text)
        completion.seconds = outcome.answer.seconds
        completion.retries = outcome.retries
        completion.status = outcome.answer.status
        if !request.stream, let cache, accept(completion) { cache.store(outcome.answer.body, for: body) }
        return completion
    }

    /// Unit-length sentence embeddings of `inputs`, in input order (one request; split large batches yourself).
    /// - Throws: ``Transport/NetworkFailure``.
    public func embed(model: String, inputs: [String], seed: UInt64 = 0) async throws -> [[Float]] {
        let body = Data(JSON.object(["model": .string(model), "input": .array(inputs.map { .string($0) })]).text.utf8)
        let outcome = try await http.send(call("/embeddings", body: body), seed: seed, keepsFailedAnswer: true)
        guard outcome.answer.status == 200 else {
            throw NetworkFailure.http(status: outcome.answer.status, Self.serverMessage(outcome.answer.body))
        }
        return try EmbeddingsReply.vectors(from: outcome.answer.body, count: inputs.count)
    }

    /// Closes the conversation's kept connection.
    public func endConversation(_ conversation: String) async {
        await http.endConversation(conversation)
    }

    /// The server's `error.message` (or `error` text), or the start of its body.
    static func serverMessage(_ data: Data) -> String {
        if let json = try? JSON.parse(data) {
            if let message = json["error"]?["message"]?.scalarText { return message }
            if let message = json["error"]?.scalarText { return message }
        }
        let text = BodyExcerpt.of(data).trimmingCharacters(in: .whitespacesAndNewlines)
        return text
    }

    private func call(_ path: String, body: Data) -> HTTPCall {
        HTTPCall(
            endpoint: baseURL.appending(path), headers: headers, body: body, timeout: timeout,
            firstByteTimeout: firstByteTimeout, maxReplyBytes: maxReplyBytes)
    }
}
