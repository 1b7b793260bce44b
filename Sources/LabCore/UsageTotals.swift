/// One seat's token usage and speed over all runs so far, from the metrics its turns reported (`ttft`,
/// `prompt_tokens`, `completion_tokens`, `tokens_per_second`).
///
/// Kept as numbers only (token sums, and the per-turn ttft and tokens/s values the median and p95 need), so an
/// analysis built run by run holds no transcripts.
public struct UsageTotals: Sendable, Hashable {
    /// Turns that reported at least one of the usage metrics.
    public private(set) var turns = 0
    /// Prompt and completion tokens summed over the turns that reported them.
    public private(set) var promptTokens: Double = 0
    public private(set) var completionTokens: Double = 0
    /// Every reported time to first token (seconds), in the order seen.
    public private(set) var ttft: [Double] = []
    /// Every reported tokens per second, in the order seen.
    public private(set) var tokensPerSecond: [Double] = []

    /// The metric names this type reads.
    public static let metricNames: Set<String> = ["ttft", "prompt_tokens", "completion_tokens", "tokens_per_second"]

    public init() {}

    /// Adds one turn's metrics; a turn without any of the usage metrics changes nothing.
    public mutating func add(_ metrics: [String: Double]) {
        guard metrics.keys.contains(where: Self.metricNames.contains) else { return }
        turns += 1
        promptTokens += metrics["prompt_tokens"] ?? 0
        completionTokens += metrics["completion_tokens"] ?? 0
        if let value = metrics["ttft"] { ttft.append(value) }
        if let value = metrics["tokens_per_second"] { tokensPerSecond.append(value) }
    }

    /// Whether any turn reported usage.
    public var isEmpty: Bool { turns == 0 }

    /// The cost of the summed tokens at `price`.
    public func cost(_ price: TokenPrice) -> Double {
        price.cost(prompt: promptTokens, completion: completionTokens)
    }
}
