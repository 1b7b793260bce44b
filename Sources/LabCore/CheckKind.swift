/// What a check scores, where the reports and the command line need to know more than its code.
public enum CheckKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A verdict on every reply of the seat under test (stutter, toxicity, coherence...).
    case reply
    /// A verdict on every reply whose score is the response time in seconds: the summary gets a response-time sheet
    /// and the command line's score table the pooled mean, p95 and maximum.
    case responseTime = "response_time"
    /// A verdict on the reply to each injected probe question (the probe codes ML-I…, ML-U…).
    case probe
    /// A rule over whole conversations (room for rule files; none is built in yet).
    case rule
}
