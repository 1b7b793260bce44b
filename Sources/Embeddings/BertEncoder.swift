import CKernels

/// The BERT forward pass with mean pooling and L2 normalisation, over stacked batches: the tokens of the texts of
/// a pass form one `[tokens, hidden]` matrix (no padding), every linear layer is one product on prepacked weights
/// (``PackedLinear``), and attention is computed per text and head.
///
/// A pass runs on one thread or on several at once (a ``WorkerTeam``): every thread runs every step of the pass on
/// its share (output panels of a product, texts and heads of attention, rows of a layer norm) and the threads meet at
/// a barrier between steps, so that one text gains from a second thread.
struct BertEncoder: Sendable {
    let weights: BertWeights
    private let team = WorkerTeam()
    /// Working memory, kept between calls: one set per spread worker (the first also serves shared passes).
    private let workspaces = Locked<[ForwardBuffers]>([])
    /// What passes cost here, by the most threads a plan may use: measured at the first batch that has a choice.
    private let measuredCosts = Locked<[Int: PassCosts]>([:])
    /// How much longer or shorter than estimated the planned batches took, by mode and threads.
    private let corrections = Locked(PlanCorrection())

    init(weights: BertWeights) {
        self.weights = weights
    }

    var config: BertConfig { weights.config }

    /// One unit vector per token sequence. Each sequence must be non-empty and at most `maxPositions` long.
    /// The texts run as `plan` says (see ``PassPlan``); a text's vector does not depend on the plan (within float
    /// rounding). A plan with an estimate records how long it took against it (``PlanCorrection``).
    func embed(_ sequences: [[Int32]], plan: PassPlan) -> [[Float]] {
        guard !sequences.isEmpty else { return [] }
        let results = UnsafeMutableBufferPointer<[Float]>.allocate(capacity: sequences.count)
        results.initialize(repeating: [])
        defer { results.deallocate() }
        let largest = plan.passes.map { pass in pass.reduce(0) { $0 + sequences[$1].count } }.max()!
        let longest = sequences.map(\.count).max()!
        workspaces.withLock { workspaces in
            let sets = plan.mode == .spread ? plan.threads : 1
            while workspaces.count < sets { workspaces.append(ForwardBuffers(config: config, build: weights.build)) }
            let work: (Int) -> Void
            switch plan.mode {
            case .shared:
                let buffers = workspaces[0]
                buffers.reserve(rows: largest, longest: longest, threads: plan.threads)
                let barrier = plan.threads > 1 ? TeamBarrier(threads: plan.threads) : nil
                work = { worker in
                    for pass in plan.passes {
                        let step = PassStep(worker: worker, threads: plan.threads, barrier: barrier)
                        forward(sequences, pass, step, buffers: buffers, into: results)
                    }
                }
            case .spread:
                for buffers in workspaces.prefix(sets) { buffers.reserve(rows: largest, longest: longest, threads: 1) }
                let next = Locked(0)
                let spread = Array(workspaces.prefix(sets))
                work = { worker in
                    while true {
                        let index = next.withLock { value in
                            defer { value += 1 }
                            return value
                        }
                        guard index < plan.passes.count else { return }
                        forward(sequences, plan.passes[index], .alone, buffers: spread[worker], into: results)
                    }
                }
            }
            let seconds = Stopwatch.seconds { team.run(plan.threads, work) }
            if plan.estimate > 0 {
                corrections.withLock {
                    $0.record(plan.mode, threads: plan.threads, estimate: plan.estimate, seconds: seconds)
                }
            }
        }
        return Array(results)
    }

    /// The factors ``plan(lengths:threads:maxTokensPerPass:)`` corrects its estimates by, so far.
    var correction: PlanCorrection { corrections.withLock { $0 } }

    /// The cheapest plan for sequences of `lengths` tokens on up to `threads` threads, by what passes were measured
    /// to cost here (measured on first need, about half a second per thread count), corrected by what earlier
    /// batches took.
    func plan(lengths: [Int], threads: Int, maxTokensPerPass: Int) -> PassPlan {
        PassPlan(
            lengths: lengths, threads: threads, maxTokensPerPass: maxTokensPerPass,
            costs: threads > 1 ? costs(threads: threads) : nil, layers: config.layerCount, correction: correction)
    }

    /// The measured ``PassCosts`` for plans on up to `threads` threads (measured once per count).
    func costs(threads: Int) -> PassCosts {
        measuredCosts.withLock { known in
            if let costs = known[threads] { return costs }
            let costs = measureCosts(threads: threads)
            known[threads] = costs
            return costs
        }
    }

    /// Times passes of ``PassCosts/measuredRows`` tokens (texts of 16 tokens) shared on each thread count, and as
    /// concurrent spread passes, per layer. Every pass runs every layer, as real passes do: the layers together are
    /// larger than the last-level cache, so their weights come from memory, and a single layer timed again and again
    /// would stay cached and look cheaper than it is, more so for shared passes than for spread ones (measured on a
    /// Zen 5: one layer made shared 256-token passes on 2 threads look 15 % cheaper than six did, so they were chosen
    /// over spread passes that ran 12–24 % faster).
    /// Each pass is run once to warm up, then every pass is timed once per round, for ``costRounds`` rounds, and
    /// the fastest time of each counts: the plans compared were measured side by side, so a neighbour's burst or
    /// a drift in the machine's speed slows one round of all of them rather than all rounds of one.
    func measureCosts(threads: Int) -> PassCosts {
        let text: [Int32] = [101] + (0..<14).map { 2_000 + Int32($0) * 37 } + [102]
        let rows = PassCosts.measuredRows
        struct Trial {
            var threads: Int
            var spread: Bool
            var batch: [[Int32]]
            var plan: PassPlan
        }
        var trials: [Trial] = []
        for count in PassCosts.threadCounts(upTo: threads) {
            for spread in count > 1 ? [false, true] : [false] {
                for size in rows {
                    let each = max(1, size / text.count)
                    let passes = spread ? (0..<count).map { $0 * each..<($0 + 1) * each } : [0..<each]
                    trials.append(Trial(
                        threads: count, spread: spread,
                        batch: Array(repeating: text, count: passes.last!.upperBound),
                        plan: PassPlan(
                            mode: spread ? .spread : .shared, passes: passes, threads: count, estimate: 0,
                            runnerUp: nil)))
                }
            }
        }
        for trial in trials { _ = embed(trial.batch, plan: trial.plan) }
        var best = Array(repeating: Double.infinity, count: trials.count)
        for _ in 0..<Self.costRounds {
            for (index, trial) in trials.enumerated() {
                let seconds = Stopwatch.seconds { _ = embed(trial.batch, plan: trial.plan) }
                best[index] = min(best[index], seconds / Double(config.layerCount))
            }
        }
        var costs = PassCosts(rows: rows, shared: [:], spread: [:])
        for (trial, seconds) in zip(trials, best) {
            if trial.spread {
                costs.spread[trial.threads, default: []].append(seconds)
            } else {
                costs.shared[trial.threads, default: []].append(seconds)
            }
        }
        return costs
    }

    /// Rounds of ``measureCosts(threads:)``.
    static let costRounds = 3

    /// One thread's place in a forward pass: its index among `threads`, and the barrier they meet at.
    struct PassStep {
        var worker: Int
        var threads: Int
        var barrier: TeamBarrier?

        static let alone = PassStep(worker: 0, threads: 1, barrier: nil)

        /// This thread's share of `count` units (contiguous; empty when there are fewer units than threads).
        func share(_ count: Int, alignment: Int = 1) -> Range<Int> {
            let chunks = Parallel.chunks(count, parts: threads, alignment: alignment)
            return worker < chunks.count ? chunks[worker] : count..<count
        }

        func sync() { barrier?.wait() }
    }

    /// This thread's part of the forward pass of `sequences[pass]` stacked into one matrix; writes each text's
    /// vector into `results` at its index.
    private func forward(
        _ all: [[Int32]], _ pass: Range<Int>, _ step: PassStep, buffers: ForwardBuffers,
        into results: UnsafeMutableBufferPointer<[Float]>
    ) {
        let c = config
        let h = c.hiddenSize
        var offsets = [0]
        offsets.reserveCapacity(pass.count + 1)
        for index in pass { offsets.append(offsets.last! + all[index].count) }
        let total = offsets.last!
        let (hidden, qkv, context, wide) = (buffers.hidden, buffers.qkv, buffers.context, buffers.wide)
        let scratch = buffers.scratch(step.worker)
        let rows = step.share(total)

        embedTokens(all, pass, offsets: offsets, rows: rows, into: hidden)
        Kernels.addAndNormalize(
            hidden, adding: nil, rows: rows, width: h, gamma: weights.embeddingNormGamma,
            beta: weights.embeddingNormBeta, epsilon: c.layerNormEpsilon)
        step.sync()
        for layer in weights.layers {
            layer.qkv.apply(hidden, rows: total, panels: step.share(layer.qkv.panels), into: qkv, scratch: scratch)
            step.sync()
            attention(
                qkv: qkv, offsets: offsets, step, scratch: buffers.attentionScratch(step.worker),
                productScratch: scratch, into: context)
            step.sync()
            layer.attentionOut.apply(
                context, rows: total, panels: step.share(layer.attentionOut.panels), into: qkv, scratch: scratch)
            step.sync()
            Kernels.addAndNormalize(
                hidden, adding: qkv, rows: rows, width: h, gamma: layer.attentionNormGamma,
                beta: layer.attentionNormBeta, epsilon: c.layerNormEpsilon)
            step.sync()
            layer.intermediate.apply(
                hidden, rows: total, panels: step.share(layer.intermediate.panels), gelu: true, into: wide,
                scratch: scratch)
            step.sync()
            layer.output.apply(wide, rows: total, panels: step.share(layer.output.panels), into: qkv, scratch: scratch)
            step.sync()
            Kernels.addAndNormalize(
                hidden, adding: qkv, rows: rows, width: h, gamma: layer.outputNormGamma,
                beta: layer.outputNormBeta, epsilon: c.layerNormEpsilon)
            step.sync()
        }
        for position in Swift.stride(from: step.worker, to: pass.count, by: step.threads) {
            results[pass.lowerBound + position] = pool(
                hidden + offsets[position] * h, rows: offsets[position + 1] - offsets[position])
        }
        // The next pass overwrites `hidden`: every thread must have pooled from it first.
        step.sync()
    }

    /// Word + position + token-type (0) embeddings of the tokens at `rows` of the stacked pass.
    private func embedTokens(
        _ all: [[Int32]], _ pass: Range<Int>, offsets: [Int], rows: Range<Int>,
        into hidden: UnsafeMutablePointer<Float>
    ) {
        let h = config.hiddenSize
        let type = weights.tokenTypeEmbeddings
        for (position, index) in pass.enumerated() {
            let first = offsets[position]
            let ids = all[index]
            let start = min(ids.count, max(0, rows.lowerBound - first))
            for token in start..<max(start, min(ids.count, rows.upperBound - first)) {
                let row = hidden + (first + token) * h
                let word = weights.wordEmbeddings + Int(ids[token]) * h
                let place = weights.positionEmbeddings + token * h
                for i in 0..<h { row[i] = word[i] + place[i] + type[i] }
            }
        }
    }

    /// Multi-head self-attention of each text over its own tokens, `softmax(Q·Kᵀ/√d)·V` per head (two products through
    /// the same tiles as the linear layers), written into `context` at the head's columns; this thread takes every
    /// `threads`-th (text, head).
    private func attention(
        qkv: UnsafeMutablePointer<Float>, offsets: [Int], _ step: PassStep, scratch: UnsafeMutablePointer<Float>,
        productScratch: UnsafeMutablePointer<Float>, into context: UnsafeMutablePointer<Float>
    ) {
        let h = config.hiddenSize
        let d = config.headSize
        let heads = config.headCount
        let scale = 1 / Float(d).squareRoot()
        let tasks = (offsets.count - 1) * heads
        for task in Swift.stride(from: step.worker, to: tasks, by: step.threads) {
            let text = task / heads
            let head = task % heads
            let base = qkv + offsets[text] * 3 * h + head * d
            chatlab_attention_head(
                weights.build.rawValue, base, base + h, base + 2 * h, offsets[text + 1] - offsets[text], d, 3 * h,
                scale, context + offsets[text] * h + head * d, h, scratch, productScratch)
        }
    }

    /// Mean of the rows, scaled to unit length.
    private func pool(_ rows: UnsafePointer<Float>, rows count: Int) -> [Float] {
        let h = config.hiddenSize
        var mean = [Float](repeating: 0, count: h)
        for row in 0..<count {
            for i in 0..<h { mean[i] += rows[row * h + i] }
        }
        let inverse = 1 / Float(count)
        var norm: Float = 0
        for i in 0..<h {
            mean[i] *= inverse
            norm += mean[i] * mean[i]
        }
        let scale = 1 / max(norm.squareRoot(), 1e-12)
        return mean.map { $0 * scale }
    }
}
