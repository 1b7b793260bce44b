import Foundation
import LLM
import Transport

/// Asks an OpenAI-compatible chat-completions endpoint for a verdict, through the shared ``LLM/OpenAIClient``: cache
/// first, then the budget, then up to `1 + maxRetries` requests until the answer is a valid `{verdict, score, reason}`.
public struct LLMJudgeClient: Sendable {
    /// What asking gave: a verdict, or why there is none.
    public enum Outcome: Sendable, Hashable {
        case verdict(JudgeVerdict)
        case unavailable(String)
    }

    public let client: OpenAIClient
    public let model: String
    public let maxRetries: Int
    public let cache: JudgeCache?
    public let budget: JudgeBudget

    /// - Parameters:
    ///   - baseURL: the API root; requests go to `<baseURL>/chat/completions`.
    ///   - apiKey: sent as a bearer token, and redacted from anything the server sends back.
    public init(
        baseURL: Endpoint, model: String, apiKey: String? = nil, timeout: Double = 60, maxRetries: Int = 2,
        cache: JudgeCache?, budget: JudgeBudget = JudgeBudget(), settings: ClientSettings = ClientSettings()
    ) {
        // The judge counts its own attempts (each reserves budget), so the client does not retry on its own.
        client = OpenAIClient(
            baseURL: baseURL, apiKey: apiKey, timeout: .milliseconds(Int64(min(timeout, 86_400) * 1000)),
            retry: RetryPolicy(retries: 0), settings: settings, maxReplyBytes: 16 << 20)
        self.model = model
        self.maxRetries = maxRetries
        self.cache = cache
        self.budget = budget
    }

    public func ask(system: String, user: String) async -> Outcome {
        let request = JudgeRequest.make(model: model, system: system, user: user)
        let body = request.body()
        if let data = cache?.answer(for: body), let verdict = JudgeVerdict.parse(data) { return .verdict(verdict) }
        var problem = "no answer"
        for attempt in 0...maxRetries {
            guard budget.reserveRequest() else { return .unavailable("budget spent") }
            let completion: ChatCompletion
            do {
                completion = try await client.complete(request, seed: UInt64(attempt))
            } catch let failure as NetworkFailure {
                problem = failure.description
                continue
            } catch {
                problem = "\(error)"
                continue
            }
            guard let verdict = JudgeVerdict.parse(completion.body) else {
                budget.spend(tokens: completion.usage.map { $0.prompt + $0.completion } ?? 0)
                problem = "malformed answer: \(BodyExcerpt.of(Data(completion.text.utf8)))"
                continue
            }
            budget.spend(tokens: verdict.tokens)
            cache?.store(completion.body, for: body)
            return .verdict(verdict)
        }
        return .unavailable("\(problem) (after \(maxRetries + 1) attempt\(maxRetries == 0 ? "" : "s"))")
    }
}
