/// The most one batch may spend; a batch that reaches a limit sends nothing more and is recorded as stopped by it.
public struct BatchBudget: Sendable, Hashable {
    public var maxCalls: Int?
    /// Prompt plus completion tokens.
    public var maxTokens: Int?
    /// In the price table's currency.
    public var maxCost: Double?

    public init(maxCalls: Int? = nil, maxTokens: Int? = nil, maxCost: Double? = nil) {
        self.maxCalls = maxCalls
        self.maxTokens = maxTokens
        self.maxCost = maxCost
    }
}
