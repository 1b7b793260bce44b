import Foundation

/// Asks an OpenAI-compatible chat-completions endpoint for a verdict: cache first, then the budget, then up to
/// `1 + maxRetries` requests until the answer is a valid `{verdict, score, reason}`.
public struct LLMJudgeClient: Sendable {
    /// What asking gave: a verdict, or why there is none.
    public enum Outcome: Sendable, Hashable {
        case verdict(JudgeVerdict)
        case unavailable(String)
    }

    public let baseURL: URL
    public let model: String
    public let apiKey: String?
    public let timeout: Double
    public let maxRetries: Int
    public let cache: JudgeCache?
    public let budget: JudgeBudget

    public init(
        baseURL: URL, model: String, apiKey: String? = nil, timeout: Double = 60, maxRetries: Int = 2,
        cache: JudgeCache?, budget: JudgeBudget = JudgeBudget()
    ) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.timeout = timeout
        self.maxRetries = maxRetries
        self.cache = cache
        self.budget = budget
    }

    public func ask(system: String, user: String) -> Outcome {
        let body = JudgeRequest(model: model, system: system, user: user).body()
        let key = JudgeCache.key(body)
        if let data = cache?.load(key), let verdict = JudgeVerdict.parse(data) { return .verdict(verdict) }
        var problem = "no answer"
        for _ in 0...maxRetries {
            guard budget.reserveRequest() else { return .unavailable("budget spent") }
            let data: Data
            do {
                data = try HTTPJSON.post(
                    baseURL.appendingPathComponent("chat/completions"), body: body,
                    headers: apiKey.map { ["Authorization": "Bearer \($0)"] } ?? [:], timeout: timeout)
            } catch {
                problem = "\(error)"
                continue
            }
            guard let verdict = JudgeVerdict.parse(data) else {
                budget.spend(tokens: Self.tokens(in: data))
                problem = "malformed answer: \(String(decoding: data.prefix(120), as: UTF8.self))"
                continue
            }
            budget.spend(tokens: verdict.tokens)
            cache?.store(data, key: key)
            return .verdict(verdict)
        }
        return .unavailable("\(problem) (after \(maxRetries + 1) attempt\(maxRetries == 0 ? "" : "s"))")
    }

    /// The tokens a response that is not a valid verdict still reports.
    static func tokens(in data: Data) -> Int {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let usage = object["usage"] as? [String: Any]
        else { return 0 }
        return (usage["total_tokens"] as? NSNumber)?.intValue ?? 0
    }
}
