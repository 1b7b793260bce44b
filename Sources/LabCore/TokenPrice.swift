/// What a chatter's model costs, in a currency of the config's choosing, per million tokens (config `price`).
public struct TokenPrice: Codable, Sendable, Hashable {
    /// Per million prompt (input) tokens.
    public var input: Double
    /// Per million completion (output) tokens.
    public var output: Double

    public init(input: Double, output: Double) {
        self.input = input
        self.output = output
    }

    /// The cost of the given token counts: `prompt × input / 10⁶ + completion × output / 10⁶`.
    public func cost(prompt: Double, completion: Double) -> Double {
        prompt * input / 1_000_000 + completion * output / 1_000_000
    }
}
