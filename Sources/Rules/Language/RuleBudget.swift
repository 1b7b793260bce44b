/// How much one evaluation may do: an expression that needs more stops with a `BudgetExceeded` error, so no rule
/// (and no fuzzer's input) can hang the checker or exhaust its memory or stack.
public struct RuleBudget: Sendable, Hashable {
    /// Evaluation steps (one per expression node evaluated and per item a loop or a helper walks).
    public var steps: Int
    /// The longest string or list an operation may produce.
    public var size: Int
    /// The deepest nesting of evaluations (expressions within expressions, helpers evaluating text).
    public var depth: Int

    public init(steps: Int = 1_000_000, size: Int = 1_000_000, depth: Int = 200) {
        self.steps = steps
        self.size = size
        self.depth = depth
    }

    /// The budget rules run with unless told otherwise.
    public static let standard = RuleBudget()
}
