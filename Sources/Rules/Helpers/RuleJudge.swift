/// Answers the questions of the LLM-backed helpers: one prompt in, the model's text out.
///
/// Called synchronously from a rule's evaluation, once per helper call that is not already cached; may block its
/// thread while it waits. Implementations: ``LLMRuleJudge`` (the shared OpenAI-compatible client, cached).
public protocol RuleJudge: Sendable {
    /// The model's answer to `prompt` given the `system` instructions.
    /// - Throws: any error; the rule's outcome becomes "error" with its message.
    func answer(system: String, prompt: String) throws -> String
}
