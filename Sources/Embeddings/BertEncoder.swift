import CBLAS
import Dispatch

/// The BERT forward pass with mean pooling and L2 normalisation, over a stacked batch: the tokens of all texts
/// form one `[tokens, hidden]` matrix (no padding), every matrix product runs once over that matrix through
/// OpenBLAS, and attention is computed per text.
struct BertEncoder: Sendable {
    let weights: BertWeights

    /// Passes with fewer tokens than this run on one thread.
    static let tokensPerExtraThread = 32

    var config: BertConfig { weights.config }

    /// One unit vector per token sequence. Each sequence must be non-empty and at most `maxPositions` long.
    func embed(_ sequences: [[Int32]], threads: Int) -> [[Float]] {
        guard !sequences.isEmpty else { return [] }
        let c = config
        let h = c.hiddenSize
        let offsets = sequences.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        let total = offsets.last!
        let longest = sequences.map(\.count).max()!
        // Below ~32 tokens a second thread costs more in hand-offs than it saves (measured: one 17-token text
        // ran at 57/s on 2 threads, 77/s on 1), so small passes run on one thread, OpenBLAS included; one 58-token
        // text already gains (41 → 56 texts/s on 2 threads).
        let threads = total < Self.tokensPerExtraThread ? 1 : threads
        let blasThreads = BLASThreads.count
        if threads == 1 && blasThreads > 1 { BLASThreads.set(1) }
        defer { if BLASThreads.count != blasThreads { BLASThreads.set(blasThreads) } }

        let hidden = UnsafeMutablePointer<Float>.allocate(capacity: total * h)
        let qkv = UnsafeMutablePointer<Float>.allocate(capacity: total * 3 * h)
        let context = UnsafeMutablePointer<Float>.allocate(capacity: total * h)
        let wide = UnsafeMutablePointer<Float>.allocate(capacity: total * c.intermediateSize)
        defer { [hidden, qkv, context, wide].forEach { $0.deallocate() } }

        embedTokens(sequences, offsets: offsets, into: hidden)
        let rowChunks = Self.chunks(total, parts: threads)
        parallel(rowChunks.count, threads: threads) { part in
            Kernels.addAndNormalize(
                hidden, adding: nil, rows: rowChunks[part], width: h, gamma: weights.embeddingNormGamma,
                beta: weights.embeddingNormBeta, epsilon: c.layerNormEpsilon)
        }
        for layer in weights.layers {
            Kernels.linear(hidden, rows: total, inputs: h, layer: layer.qkv, outputs: 3 * h, threads: threads,
                           into: qkv)
            attention(qkv: qkv, offsets: offsets, longest: longest, into: context, threads: threads)
            Kernels.linear(context, rows: total, inputs: h, layer: layer.attentionOut, outputs: h, threads: threads,
                           into: qkv)
            parallel(rowChunks.count, threads: threads) { part in
                Kernels.addAndNormalize(
                    hidden, adding: qkv, rows: rowChunks[part], width: h, gamma: layer.attentionNormGamma,
                    beta: layer.attentionNormBeta, epsilon: c.layerNormEpsilon)
            }
            Kernels.linear(hidden, rows: total, inputs: h, layer: layer.intermediate, outputs: c.intermediateSize,
                           threads: threads, into: wide)
            parallel(rowChunks.count, threads: threads) { part in
                let rows = rowChunks[part]
                Kernels.gelu(wide + rows.lowerBound * c.intermediateSize, count: rows.count * c.intermediateSize)
            }
            Kernels.linear(wide, rows: total, inputs: c.intermediateSize, layer: layer.output, outputs: h,
                           threads: threads, into: qkv)
            parallel(rowChunks.count, threads: threads) { part in
                Kernels.addAndNormalize(
                    hidden, adding: qkv, rows: rowChunks[part], width: h, gamma: layer.outputNormGamma,
                    beta: layer.outputNormBeta, epsilon: c.layerNormEpsilon)
            }
        }
        return sequences.indices.map { pool(hidden + offsets[$0] * h, rows: sequences[$0].count) }
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
        threads: Int
    ) {
        let h = config.hiddenSize
        let d = config.headSize
        let heads = config.headCount
        let texts = offsets.count - 1
        let scale = 1 / Float(d).squareRoot()
        let stride = Int32(3 * h)
        let tasks = texts * heads
        let workers = min(threads, tasks)
        let scores = UnsafeMutablePointer<Float>.allocate(capacity: workers * longest * longest)
        defer { scores.deallocate() }
        parallel(workers, threads: threads) { worker in
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

    /// Runs `body(0..<count)` on up to `threads` threads (inline when 1).
    private func parallel(_ count: Int, threads: Int, _ body: (Int) -> Void) {
        if threads <= 1 || count <= 1 {
            for index in 0..<count { body(index) }
        } else {
            withoutActuallyEscaping(body) { body in
                let work = UncheckedSendable(body)
                DispatchQueue.concurrentPerform(iterations: count) { work.value($0) }
            }
        }
    }

    /// `total` split into at most `parts` contiguous ranges.
    private static func chunks(_ total: Int, parts: Int) -> [Range<Int>] {
        let parts = max(1, min(parts, total))
        return (0..<parts).map { total * $0 / parts..<total * ($0 + 1) / parts }
    }
}

/// Lets `parallel` hand its non-escaping body to `concurrentPerform`.
///
/// `@unchecked Sendable`: every body passed to `parallel` writes only its own rows (or its own scratch block) of
/// buffers the caller allocated, and `concurrentPerform` returns only after every iteration has finished.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
