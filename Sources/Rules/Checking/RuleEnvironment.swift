import LabCore

/// What helpers may use beyond the conversation's variables: the conversations a global rule ranges over, and the
/// services passed in (an LLM judge, a sentence encoder). Without a service, the helpers needing it give the
/// outcome "not evaluated".
public struct RuleEnvironment: Sendable {
    /// The conversations that passed a global rule's `when` and `if` (`is_unique`, `exists`, `num_exist` read them).
    public var filtered: [RuleVariables]
    /// Answers the LLM-backed helpers (`tone`, `only_talks_about`, `semantic_content`...).
    public var judge: (any RuleJudge)?
    /// Embeds texts for `repeated_answers(method='semantic')`.
    public var encoder: (any TextEncoder)?

    public init(filtered: [RuleVariables] = [], judge: (any RuleJudge)? = nil, encoder: (any TextEncoder)? = nil) {
        self.filtered = filtered
        self.judge = judge
        self.encoder = encoder
    }
}
