/// What one check of a rule gave.
public enum RuleOutcome: Sendable, Hashable, CustomStringConvertible {
    /// The oracle returned exactly `True`.
    case pass
    /// The oracle returned anything else; the reason is the returned value, then the `yields` message.
    case fail(reason: String)
    /// `when` or `if` was false.
    case notApplicable
    /// `when`, `if` or the oracle raised (a type error, a missing name, a budget exceeded...).
    case error(message: String)
    /// A helper needed a service that is not configured (an LLM).
    case notEvaluated(message: String)

    /// The word reports use: `pass`, `fail`, `not applicable`, `error`, `not evaluated`.
    public var word: String {
        switch self {
        case .pass: return "pass"
        case .fail: return "fail"
        case .notApplicable: return "not applicable"
        case .error: return "error"
        case .notEvaluated: return "not evaluated"
        }
    }

    public var description: String {
        switch self {
        case .pass, .notApplicable: return word
        case .fail(let reason): return "fail: \(reason)"
        case .error(let message): return "error: \(message)"
        case .notEvaluated(let message): return "not evaluated: \(message)"
        }
    }
}

/// One check: which rule, on which conversation(s), with what outcome.
public struct RuleCheckResult: Sendable {
    public var rule: String
    public var conversations: [String]
    public var outcome: RuleOutcome
}
