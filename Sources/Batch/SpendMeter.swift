/// Counts what a batch has spent against its budget; a call is reserved before it is sent, so concurrent workers
/// never overshoot the call limit.
actor SpendMeter {
    let budget: BatchBudget
    private(set) var calls = 0
    private(set) var tokens = 0
    private(set) var cost = 0.0
    /// Set once a limit stopped a call.
    private(set) var exhausted = false

    /// Starts from what a resumed batch already spent.
    init(budget: BatchBudget, spent: [AnswerRecord] = []) {
        self.budget = budget
        calls = spent.count
        tokens = spent.reduce(0) { $0 + ($1.promptTokens ?? 0) + ($1.completionTokens ?? 0) }
        cost = spent.reduce(0) { $0 + ($1.cost ?? 0) }
    }

    /// Whether one more call fits the budget (and counts it when it does).
    func reserve() -> Bool {
        let over = budget.maxCalls.map { calls >= $0 } == true || budget.maxTokens.map { tokens >= $0 } == true
            || budget.maxCost.map { cost >= $0 } == true
        if over {
            exhausted = true
            return false
        }
        calls += 1
        return true
    }

    func add(_ record: AnswerRecord) {
        tokens += (record.promptTokens ?? 0) + (record.completionTokens ?? 0)
        cost += record.cost ?? 0
    }
}
