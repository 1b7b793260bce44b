/// The most a simulated user may spend on its LLM: calls and tokens over all conversations, and US dollars over all
/// conversations (`conversation.max_cost`) and per conversation (`goal_style.max_cost`). `nil` is no limit.
public struct SimulationBudget: Sendable, Hashable {
    public var maxCalls: Int?
    public var maxTokens: Int?
    public var maxCost: Double?
    public var maxCostPerConversation: Double?

    public init(maxCalls: Int? = nil, maxTokens: Int? = nil, maxCost: Double? = nil, maxCostPerConversation: Double? = nil) {
        self.maxCalls = maxCalls
        self.maxTokens = maxTokens
        self.maxCost = maxCost
        self.maxCostPerConversation = maxCostPerConversation
    }

    /// Why no further call may be made, with the SENSEI error code (2000 overall, 2001 for one conversation).
    func refusal(total: SimulationUsage, conversation: SimulationUsage) -> (code: Int, message: String)? {
        if let maxCalls, total.calls >= maxCalls { return (2000, "the budget of \(maxCalls) LLM calls is spent") }
        if let maxTokens, total.promptTokens + total.completionTokens >= maxTokens {
            return (2000, "the budget of \(maxTokens) tokens is spent")
        }
        if let maxCost, let cost = total.cost, cost >= maxCost { return (2000, "the budget of $\(maxCost) is spent") }
        if let maxCostPerConversation, let cost = conversation.cost, cost >= maxCostPerConversation {
            return (2001, "this conversation's budget of $\(maxCostPerConversation) is spent")
        }
        return nil
    }
}
