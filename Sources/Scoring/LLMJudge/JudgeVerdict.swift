import Foundation

/// What the LLM judge answers: `{verdict: pass|fail, score: 0..1, reason}`, and the tokens the request used.
public struct JudgeVerdict: Sendable, Hashable {
    public var passed: Bool
    public var score: Double
    public var reason: String
    /// `usage.total_tokens` of the response (0 when absent).
    public var tokens: Int

    public init(passed: Bool, score: Double, reason: String, tokens: Int = 0) {
        self.passed = passed
        self.score = score
        self.reason = reason
        self.tokens = tokens
    }

    /// Reads a chat-completions response body; nil when it is not a valid verdict (the judge is asked again).
    public static func parse(_ data: Data) -> JudgeVerdict? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let choices = object["choices"] as? [[String: Any]],
            let message = choices.first?["message"] as? [String: Any],
            let content = message["content"] as? String,
            var verdict = parseContent(content)
        else { return nil }
        if let usage = object["usage"] as? [String: Any] {
            let total = (usage["total_tokens"] as? NSNumber)?.intValue
            let parts = ((usage["prompt_tokens"] as? NSNumber)?.intValue ?? 0)
                + ((usage["completion_tokens"] as? NSNumber)?.intValue ?? 0)
            verdict.tokens = total ?? parts
        }
        return verdict
    }

    /// Reads the message content: a JSON object, optionally inside a ```json fence.
    public static func parseContent(_ content: String) -> JudgeVerdict? {
        var text = content.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("```") {
            text = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
                .filter { !$0.hasPrefix("```") }.joined(separator: "\n")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let verdict = (object["verdict"] as? String)?.lowercased(), ["pass", "fail"].contains(verdict),
            let number = object["score"] as? NSNumber,
            let reason = object["reason"] as? String
        else { return nil }
        let score = number.doubleValue
        guard score.isFinite, (0...1).contains(score) else { return nil }
        return JudgeVerdict(passed: verdict == "pass", score: score, reason: reason)
    }
}
