import Embeddings

/// What one engine reached in one cell of `chatlab bench embeddings`.
public struct BenchRate: Sendable {
    public var texts: Int
    public var tokens: Int
    /// Floating-point operations of the forward passes (``BertConfig/flopsPerToken(length:)`` per token).
    public var flops: Double
    public var seconds: Double

    public var textsPerSecond: Double { Double(texts) / seconds }
    public var tokensPerSecond: Double { Double(tokens) / seconds }
    public var gflops: Double { flops / seconds / 1e9 }

    /// The rate of encoding the first `count` texts of the benchmark's cycle through `set` in `seconds`.
    ///
    /// Both engines warm up on the first batch (texts `0..<batch`) and then encode batches from text `batch` on,
    /// cycling through the set, so the count alone says which texts they were.
    public init(encoded count: Int, of set: BenchTexts.Set, batch: Int, seconds: Double, config: BertConfig) {
        texts = count
        tokens = 0
        flops = 0
        self.seconds = seconds
        for step in 0..<count {
            let n = set.tokens[(batch + step) % set.tokens.count]
            tokens += n
            flops += Double(n * config.flopsPerToken(length: n))
        }
    }

    /// The faster of two rates.
    static func best(_ a: BenchRate?, _ b: BenchRate) -> BenchRate {
        guard let a else { return b }
        return a.textsPerSecond >= b.textsPerSecond ? a : b
    }
}
