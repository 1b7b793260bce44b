/// The working memory of forward passes of up to `rows` tokens: allocated once per batch (per thread when passes
/// are spread), reused by every pass.
struct ForwardBuffers {
    let hidden: UnsafeMutablePointer<Float>
    let qkv: UnsafeMutablePointer<Float>
    let context: UnsafeMutablePointer<Float>
    let wide: UnsafeMutablePointer<Float>
    /// One `longest × longest` block of attention scores per attention worker.
    let scores: UnsafeMutablePointer<Float>

    init(rows: Int, longest: Int, workers: Int, config: BertConfig) {
        hidden = .allocate(capacity: rows * config.hiddenSize)
        qkv = .allocate(capacity: rows * 3 * config.hiddenSize)
        context = .allocate(capacity: rows * config.hiddenSize)
        wide = .allocate(capacity: rows * config.intermediateSize)
        scores = .allocate(capacity: max(1, workers) * longest * longest)
    }

    func deallocate() {
        [hidden, qkv, context, wide, scores].forEach { $0.deallocate() }
    }
}
