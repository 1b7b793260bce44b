import CBLAS
import Dispatch

/// The BERT forward pass with mean pooling and L2 normalisation, over stacked batches: the tokens of the texts of
/// a pass form one `[tokens, hidden]` matrix (no padding), every matrix product runs over that matrix through
/// OpenBLAS, and attention is computed per text.
struct BertEncoder: Sendable {
    let weights: BertWeights

    var config: BertConfig { weights.config }

    /// One unit vector per token sequence. Each sequence must be non-empty and at most `maxPositions` long.
    /// The texts run in forward passes of at most `maxTokensPerPass` tokens, spread over `threads` threads as
    /// ``PassPlan`` decides; a text's vector does not depend on the plan (within float rounding).
    func embed(_ sequences: [[Int32]], threads: Int, maxTokensPerPass: Int) -> [[Float]] {
        guard !sequences.isEmpty else { return [] }
        let plan = plan(lengths: sequences.map(\.count), threads: threads, maxTokensPerPass: maxTokensPerPass)
        // Every OpenBLAS call runs on one thread; the encoder spreads the work over its threads itself, so no
        // OpenBLAS worker spins on a core the encoder's next step needs.
        BLASThreads.runOpenBLASOnOneThread()

        let results = UnsafeMutableBufferPointer<[Float]>.allocate(capacity: sequences.count)
        results.initialize(repeating: [])
        defer { results.deallocate() }
        let largest = plan.passes.map { pass in pass.reduce(0) { $0 + sequences[$1].count } }.max()!
        let longest = sequences.map(\.count).max()!
        switch plan.mode {
        case .shared:
            let buffers = ForwardBuffers(rows: largest, longest: longest, workers: plan.threads, config: config)
            defer { buffers.deallocate() }
            for pass in plan.passes {
                forward(sequences, pass, threads: plan.threads, buffers: buffers, into: results)
            }
        case .spread:
            let next = Locked(0)
            Parallel.run(plan.threads, threads: plan.threads) { _ in
                let buffers = ForwardBuffers(rows: largest, longest: longest, workers: 1, config: config)
                defer { buffers.deallocate() }
                while true {
                    let index = next.withLock { value in
                        defer { value += 1 }
                        return value
                    }
                    guard index < plan.passes.count else { return }
                    forward(sequences, plan.passes[index], threads: 1, buffers: buffers, into: results)
                }
            }
        }
        return Array(results)
    }

    /// The plan for sequences of `lengths` tokens.
    func plan(lengths: [Int], threads: Int, maxTokensPerPass: Int) -> PassPlan {
        PassPlan(
            lengths: lengths, threads: threads, maxTokensPerPass: maxTokensPerPass,
            cost: { Double($0 * config.flopsPerToken(length: $0)) })
    }

    /// The forward pass of `sequences[pass]` stacked into one matrix, on `threads` threads (matrix products split
    /// by output columns, attention by text and head, the rest by rows); writes each text's vector into `results`
    /// at its index.
    private func forward(
        _ all: [[Int32]], _ pass: Range<Int>, threads: Int, buffers: ForwardBuffers,
        into results: UnsafeMutableBufferPointer<[Float]>
    ) {
        let sequences = all[pass]
        let c = config
        let h = c.hiddenSize
        let offsets = sequences.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        let total = offsets.last!
        let longest = sequences.map(\.count).max()!
        let (hidden, qkv, context, wide) = (buffers.hidden, buffers.qkv, buffers.context, buffers.wide)

        embedTokens(Array(sequences), offsets: offsets, into: hidden)
        let rowChunks = Parallel.chunks(total, parts: threads)
        Parallel.run(rowChunks.count, threads: threads) { part in
            Kernels.addAndNormalize(
                hidden, adding: nil, rows: rowChunks[part], width: h, gamma: weights.embeddingNormGamma,
                beta: weights.embeddingNormBeta, epsilon: c.layerNormEpsilon)
        }
        for layer in weights.layers {
            Kernels.linear(hidden, rows: total, inputs: h, layer: layer.qkv, outputs: 3 * h, threads: threads,
                           into: qkv)
            attention(qkv: qkv, offsets: offsets, longest: longest, into: context, threads: threads,
                      scores: buffers.scores)
            Kernels.linear(context, rows: total, inputs: h, layer: layer.attentionOut, outputs: h, threads: threads,
                           into: qkv)
            Parallel.run(rowChunks.count, threads: threads) { part in
                Kernels.addAndNormalize(
                    hidden, adding: qkv, rows: rowChunks[part], width: h, gamma: layer.attentionNormGamma,
                    beta: layer.attentionNormBeta, epsilon: c.layerNormEpsilon)
            }
            Kernels.linear(hidden, rows: total, inputs: h, layer: layer.intermediate, outputs: c.intermediateSize,
                           threads: threads, into: wide)
            Parallel.run(rowChunks.count, threads: threads) { part in
                let rows = rowChunks[part]
                Kernels.gelu(wide + rows.lowerBound * c.intermediateSize, count: rows.count * c.intermediateSize)
            }
            Kernels.linear(wide, rows: total, inputs: c.intermediateSize, layer: layer.output, outputs: h,
                           threads: threads, into: qkv)
            Parallel.run(rowChunks.count, threads: threads) { part in
                Kernels.addAndNormalize(
                    hidden, adding: qkv, rows: rowChunks[part], width: h, gamma: layer.outputNormGamma,
                    beta: layer.outputNormBeta, epsilon: c.layerNormEpsilon)
            }
        }
        for (position, index) in pass.enumerated() {
            results[index] = pool(hidden + offsets[position] * h, rows: offsets[position + 1] - offsets[position])
        }
    }

    /// Word + position + token-type (0) embeddings of every token.
    private func embedTokens(_ sequences: [[Int32]], offsets: [Int], into hidden: UnsafeMutablePointer<Float>) {
        let h = config.hiddenSize
        for (index, ids) in sequences.enumerated() {
            for (position, id) in ids.enumerated() {
                let row = hidden + (offsets[index] + position) * h
                let word = weights.wordEmbeddings + Int(id) * h
                let place = weights.positionEmbeddings + position * h
                let type = weights.tokenTypeEmbeddings
                for i in 0..<h { row[i] = word[i] + place[i] + type[i] }
            }
        }
    }

    /// Multi-head self-attention of each text over its own tokens: `softmax(Q·Kᵀ/√d)·V` per head, written into
    /// `context` at the head's columns.
    private func attention(
        qkv: UnsafeMutablePointer<Float>, offsets: [Int], longest: Int, into context: UnsafeMutablePointer<Float>,
        threads: Int, scores: UnsafeMutablePointer<Float>
    ) {
        let h = config.hiddenSize
        let d = config.headSize
        let heads = config.headCount
        let texts = offsets.count - 1
        let scale = 1 / Float(d).squareRoot()
        let stride = Int32(3 * h)
        let tasks = texts * heads
        let workers = min(threads, tasks)
        Parallel.run(workers, threads: threads) { worker in
            let s = scores + worker * longest * longest
            var task = worker
            while task < tasks {
                let text = task / heads
                let head = task % heads
                let n = offsets[text + 1] - offsets[text]
                let base = qkv + offsets[text] * 3 * h + head * d
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(n), Int32(n), Int32(d),
                            scale, base, stride, base + h, stride, 0, s, Int32(n))
                Kernels.softmaxRows(s, rows: n, width: n)
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(d), Int32(n),
                            1, s, Int32(n), base + 2 * h, stride, 0, context + offsets[text] * h + head * d, Int32(h))
                task += workers
            }
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
