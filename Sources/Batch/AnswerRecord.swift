/// One answer of a batch as the history keeps it: timings, tokens, cost, success and the scores.
public struct AnswerRecord: Sendable, Hashable, Codable {
    public var batch: String
    public var provider: String
    public var model: String
    public var question: String
    public var industry: String
    /// Place in the batch's seeded order.
    public var position: Int
    /// Seconds since 1970 when the request was sent.
    public var startedAt: Double
    /// Seconds from sending to the end of the answer (of the last try).
    public var latency: Double?
    /// Seconds from sending to the first content token (streamed answers).
    public var ttft: Double?
    /// Completion tokens per second of generation (from the first token to the end when streamed).
    public var tokensPerSecond: Double?
    public var success: Bool
    /// `timeout`, `connection`, `tls`, `http_429`, `http_5xx`, `http_4xx`, `malformed`, `too_large`, `empty`.
    public var errorClass: String?
    public var errorMessage: String?
    public var retries: Int
    public var promptTokens: Int?
    public var completionTokens: Int?
    public var cost: Double?
    /// Share of the question's keywords the answer names (0...1).
    public var keywordCoverage: Double?
    /// How much of the reference the answer covers by meaning (0...1, see ``Coverage``).
    public var meaningCoverage: Double?
    /// The answer judge's verdict on an expected answer: `pass`, `fail` or `unknown`.
    public var verdict: String?
    /// The answer, cut to ``maxAnswerCharacters``.
    public var answer: String

    /// The most characters of an answer kept in the history.
    public static let maxAnswerCharacters = 4_000

    public init(batch: String, item: BatchPlan.Item, startedAt: Double) {
        self.batch = batch
        provider = item.provider
        model = item.model.name
        question = item.question.id
        industry = item.question.industry
        position = item.position
        self.startedAt = startedAt
        success = false
        retries = 0
        answer = ""
    }

    /// Whether the judge passed the answer; `nil` when there was no expected answer or no verdict.
    public var correct: Bool? {
        switch verdict {
        case "pass": return true
        case "fail": return false
        default: return nil
        }
    }
}
