import CKernels

/// The working memory of forward passes, kept between calls and grown when a pass needs more: the pass's matrices
/// (`hidden`, `qkv`, `context`, `wide`) and, per thread, the matrix product's scratch and the attention kernel's.
///
/// Not thread-safe: one forward pass (or one spread worker) uses one at a time (see ``BertEncoder``).
final class ForwardBuffers {
    private(set) var hidden: UnsafeMutablePointer<Float>
    private(set) var qkv: UnsafeMutablePointer<Float>
    private(set) var context: UnsafeMutablePointer<Float>
    private(set) var wide: UnsafeMutablePointer<Float>
    /// Per thread: the product's scratch, then the attention kernel's.
    private(set) var perThread: [UnsafeMutablePointer<Float>] = []
    private var rows = 0
    private var longest = 0
    private let config: BertConfig
    private let scratchSize: Int
    private let build: GEMMBuild

    init(config: BertConfig, build: GEMMBuild) {
        self.config = config
        self.build = build
        scratchSize = max(
            build.scratchSize(inputs: config.hiddenSize), build.scratchSize(inputs: config.intermediateSize))
        hidden = .allocate(capacity: 1)
        qkv = .allocate(capacity: 1)
        context = .allocate(capacity: 1)
        wide = .allocate(capacity: 1)
    }

    deinit {
        ([hidden, qkv, context, wide] + perThread).forEach { $0.deallocate() }
    }

    /// Makes room for passes of up to `rows` tokens, texts of up to `longest` tokens and `threads` threads.
    func reserve(rows: Int, longest: Int, threads: Int) {
        if rows > self.rows {
            [hidden, qkv, context, wide].forEach { $0.deallocate() }
            hidden = .allocate(capacity: rows * config.hiddenSize)
            qkv = .allocate(capacity: rows * 3 * config.hiddenSize)
            context = .allocate(capacity: rows * config.hiddenSize)
            wide = .allocate(capacity: rows * config.intermediateSize)
            self.rows = rows
        }
        if longest > self.longest {
            perThread.forEach { $0.deallocate() }
            perThread = []
            self.longest = longest
        }
        while perThread.count < threads {
            perThread.append(.allocate(
                capacity: scratchSize + chatlab_attention_scratch_size(build.rawValue, self.longest, config.headSize)))
        }
    }

    /// Thread `worker`'s product scratch.
    func scratch(_ worker: Int) -> UnsafeMutablePointer<Float> { perThread[worker] }

    /// Thread `worker`'s attention scratch (a head's packed keys and values and its scores).
    func attentionScratch(_ worker: Int) -> UnsafeMutablePointer<Float> { perThread[worker] + scratchSize }
}
