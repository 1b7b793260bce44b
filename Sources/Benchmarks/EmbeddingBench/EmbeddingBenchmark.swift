import Embeddings
import Foundation

/// `chatlab bench embeddings`: texts/s of the native all-MiniLM-L6-v2 encoder by thread count, text length and
/// batch size, next to sentence-transformers (PyTorch, CPU) on the same texts and the machine's peak sgemm rate.
///
/// A shared machine's noise only ever makes a measurement slower, so every cell is measured `rounds` times, ChatLab
/// and PyTorch alternating (who goes first alternates too), and the fastest of each counts. The peak sgemm rate is
/// measured the same way, 2048³ products repeated for `seconds`: with OpenBLAS in every round of every cell (the
/// fastest of those is the cell's yardstick: the machine's speed drifts with its neighbours' load), and with OpenBLAS
/// and `torch.matmul` `rounds` times before and after the cells (the run's highest, shown too).
public struct EmbeddingBenchmark {
    public var texts: BenchTexts
    public var threads = [1, 2]
    public var batches = [1, 8, 64]
    /// Seconds each engine encodes in one round of a cell.
    public var seconds = 1.0
    public var rounds = 3
    /// Overrides the encoder's ``MiniLMEncoder/maxTokensPerBatch``.
    public var maxTokensPerBatch: Int?
    /// The pause before each measurement, so that one engine's idle threads stop spinning before the other starts.
    public var settle = 0.2

    public init(texts: BenchTexts) {
        self.texts = texts
    }

    /// Runs every cell; `progress` hears one line per step.
    public func run(model: MiniLMModel, pyTorch: PyTorchWorker?, progress: (String) -> Void) throws
        -> EmbeddingBenchReport
    {
        var encoder = MiniLMEncoder(model: model, caching: false)
        if let maxTokensPerBatch { encoder.maxTokensPerBatch = maxTokensPerBatch }
        var report = EmbeddingBenchReport(texts: texts, rounds: rounds, seconds: seconds)
        if let pyTorch {
            progress("loading the model into PyTorch (\(pyTorch.python))")
            let theirs = try pyTorch.load(texts: texts, modelFolder: model.folder.path)
            report.pyTorchVersions = pyTorch.versions
            report.tokenMismatches = texts.sets.reduce(0) { sum, set in
                sum + zip(set.tokens, theirs[set.name] ?? []).filter { $0 != $1 }.count
                    + abs(set.tokens.count - (theirs[set.name]?.count ?? 0))
            }
        }
        let original = BLASThreads.count
        defer { BLASThreads.set(original) }

        try measurePeaks(into: &report, pyTorch: pyTorch, progress: progress)
        for count in threads {
            for set in texts.sets {
                for batch in batches {
                    let cell = BenchCell(threads: count, set: set.name, batch: batch)
                    progress("measuring \(count) thread\(count == 1 ? "" : "s"), \(set.name) texts, batch \(batch)")
                    let row = try measure(
                        cell, set, encoder: encoder, pyTorch: pyTorch, peak: &report.peaks[count, default: .init()])
                    report.rows.append(row)
                }
            }
        }
        try measurePeaks(into: &report, pyTorch: pyTorch, progress: progress)
        return report
    }

    /// One cell: `rounds` rounds of ChatLab and PyTorch alternating (and a peak sample each), the fastest of each.
    private func measure(
        _ cell: BenchCell, _ set: BenchTexts.Set, encoder: MiniLMEncoder, pyTorch: PyTorchWorker?,
        peak: inout EmbeddingBenchReport.Peak
    ) throws -> EmbeddingBenchReport.Row {
        var ours: BenchRate?
        var theirs: BenchRate?
        var alongside = 0.0
        for round in 0..<max(1, rounds) {
            // The peak is sampled alongside every round, so that the cell's share compares rates measured under the
            // same load (and the run's highest sees the machine's fast spells as often as the cells do).
            pause()
            alongside = max(alongside, SGEMMPeak.measure(threads: cell.threads, seconds: seconds))
            peak.openBLAS = max(peak.openBLAS, alongside)
            for engine in round % 2 == 0 ? [0, 1] : [1, 0] {
                if engine == 0 {
                    pause()
                    ours = .best(ours, measure(encoder, set, cell))
                } else if let pyTorch {
                    pause()
                    let (encoded, taken) = try pyTorch.measure(cell, seconds: seconds)
                    theirs = .best(theirs, BenchRate(
                        encoded: encoded, of: set, batch: cell.batch, seconds: taken, config: encoder.model.config))
                }
            }
        }
        return .init(cell: cell, meanTokens: set.meanTokens, chatLab: ours!, pyTorch: theirs, peak: alongside)
    }

    private func measurePeaks(into report: inout EmbeddingBenchReport, pyTorch: PyTorchWorker?,
                              progress: (String) -> Void) throws {
        progress("measuring the peak sgemm rate")
        for count in threads {
            var peak = report.peaks[count] ?? .init()
            for _ in 0..<max(1, rounds) {
                pause()
                peak.openBLAS = max(peak.openBLAS, SGEMMPeak.measure(threads: count, seconds: seconds))
                if let pyTorch {
                    pause()
                    peak.torch = max(peak.torch ?? 0, try pyTorch.peak(threads: count, seconds: seconds))
                }
            }
            report.peaks[count] = peak
        }
    }

    /// ChatLab's rate in one round of `cell`: one warm-up batch, then batches for at least ``seconds``.
    private func measure(_ encoder: MiniLMEncoder, _ set: BenchTexts.Set, _ cell: BenchCell) -> BenchRate {
        var encoder = encoder
        encoder.threads = cell.threads
        var next = 0
        func group() -> [String] {
            let batch = (0..<cell.batch).map { set.texts[(next + $0) % set.texts.count] }
            next = (next + cell.batch) % set.texts.count
            return batch
        }
        let (encoded, elapsed) = Stopwatch.repeating(for: seconds) {
            _ = encoder.encodeDetailed(group())
            return cell.batch
        }
        return BenchRate(encoded: encoded, of: set, batch: cell.batch, seconds: elapsed, config: encoder.model.config)
    }

    private func pause() {
        if settle > 0 { Thread.sleep(forTimeInterval: settle) }
    }
}
