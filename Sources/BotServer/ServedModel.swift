/// A model name the OpenAI endpoint answers to, with its pace: the time to the first token and the tokens per second
/// after it (`chatlab serve --model fast:0.05:400`). Given any, the endpoint answers only those names (others get
/// 404 `model_not_found`, as hosted APIs do), so a batch can compare models with known timings offline.
public struct ServedModel: Sendable, Hashable {
    public var name: String
    /// Seconds before the first token.
    public var ttft: Double
    /// Tokens (words) per second after the first; `nil`: all at once.
    public var tokensPerSecond: Double?

    public init(name: String, ttft: Double = 0, tokensPerSecond: Double? = nil) {
        self.name = name
        self.ttft = ttft
        self.tokensPerSecond = tokensPerSecond
    }

    /// `NAME`, `NAME:TTFT_SECONDS` or `NAME:TTFT_SECONDS:TOKENS_PER_SECOND`; `nil` when malformed.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(parts.count), !parts[0].isEmpty else { return nil }
        var ttft = 0.0
        var rate: Double?
        if parts.count >= 2 {
            guard let value = Double(parts[1]), value.isFinite, (0...600).contains(value) else { return nil }
            ttft = value
        }
        if parts.count == 3 {
            guard let value = Double(parts[2]), value.isFinite, value > 0, value <= 1_000_000 else { return nil }
            rate = value
        }
        self.init(name: parts[0], ttft: ttft, tokensPerSecond: rate)
    }

    /// Seconds to wait before each event of a streamed answer of `words` word chunks (the role chunk, the words, the
    /// finish chunk): ``ttft`` before the first, then `1 / tokensPerSecond` after each word, so the words take
    /// `words / tokensPerSecond` seconds from the first token to the end. Their sum is a plain answer's wait.
    func waits(words: Int) -> [Double] {
        let gap = tokensPerSecond.map { 1 / $0 } ?? 0
        return [ttft, 0] + Array(repeating: gap, count: words)
    }
}
