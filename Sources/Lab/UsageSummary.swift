import LabCore

/// One seat's token usage, speed and cost over all runs, as `summary.json` writes it under `total.usage`.
struct UsageSummary: Encodable {
    var seat: String
    /// The chatter's line from the experiment record, e.g. `openai "gpt"`.
    var chatter: String?
    /// Turns that reported usage metrics.
    var turns: Int
    var promptTokens: Double
    var completionTokens: Double
    /// Time to first token in seconds (streaming only) and completion tokens per second, over every turn.
    var ttft: SpreadSummary?
    var tokensPerSecond: SpreadSummary?
    /// The price per million tokens from the config, and the cost of the totals at it.
    var price: TokenPrice?
    var cost: Double?

    /// One entry per seat that reported usage, in seat order; empty when none did.
    static func all(_ analysis: Analysis) -> [UsageSummary] {
        analysis.usage.keys.sorted().map { seat in
            let usage = analysis.usage[seat]!
            let price = analysis.prices[seat]
            return UsageSummary(
                seat: seat.description, chatter: analysis.experiment.chatters[seat.description], turns: usage.turns,
                promptTokens: usage.promptTokens, completionTokens: usage.completionTokens,
                ttft: SpreadSummary(usage.ttft), tokensPerSecond: SpreadSummary(usage.tokensPerSecond),
                price: price, cost: price.map(usage.cost))
        }
    }
}
