import Foundation
import LLM
import Transport

/// A ``RuleJudge`` over the shared OpenAI-compatible client: temperature 0, one request per distinct question,
/// answers cached in memory for the whole check (the same question about the same text is asked once).
public final class LLMRuleJudge: RuleJudge, @unchecked Sendable {
    // @unchecked: the cache is guarded by `lock`; the client and model are immutable.
    private let client: OpenAIClient
    private let model: String
    private let lock = NSLock()
    private var cache: [String: String] = [:]

    public init(client: OpenAIClient, model: String) {
        self.client = client
        self.model = model
    }

    /// A judge asking the OpenAI-compatible API at `url` (its root, e.g. `http://127.0.0.1:8080/v1`).
    /// - Throws: ``RuleInputError`` when `url` is not an http(s) URL.
    public convenience init(url: String, model: String, apiKey: String?) throws {
        guard let endpoint = Endpoint(url, schemes: ["http", "https"]) else {
            throw RuleInputError(path: url, problem: "this is not an http(s) URL", fix: "Give the API root, e.g. http://127.0.0.1:8080/v1.")
        }
        self.init(client: OpenAIClient(baseURL: endpoint, apiKey: apiKey), model: model)
    }

    public func answer(system: String, prompt: String) throws -> String {
        let key = system + "\u{0}" + prompt
        if let cached = lock.withLock({ cache[key] }) { return cached }
        let request = ChatCompletionRequest(
            model: model, messages: [.init(role: "system", content: system), .init(role: "user", content: prompt)],
            temperature: 0)
        let client = self.client
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                box.result = .success(try await client.complete(request).text)
            } catch {
                box.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        let text = try box.result!.get()
        lock.withLock { cache[key] = text }
        return text
    }

    /// Carries the answer from the request's task to the waiting thread (written once before the signal).
    private final class ResultBox: @unchecked Sendable {
        var result: Result<String, Error>?
    }
}
