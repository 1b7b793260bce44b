import Embeddings
import Foundation

/// `chatlab bench embeddings`: texts/s of the native all-MiniLM-L6-v2 encoder by thread count, text length and
/// batch size, next to reference engines (``ReferenceEngine``: sentence-transformers on PyTorch, ONNX Runtime fp32)
/// on the same texts and the machine's peak sgemm rate.
///
/// A shared machine's noise only ever makes a measurement slower, so every cell is measured `rounds` times, ChatLab
/// and the references taking turns (who goes first rotates), and the fastest of each counts. The peak sgemm rate is
/// measured the same way, 2048³ products repeated for `seconds`: with OpenBLAS in every round of every cell (the
/// fastest of those is the cell's yardstick: the machine's speed drifts with its neighbours' load), with OpenBLAS and
/// each reference's own library `rounds` times before and after the cells (the run's highest).
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
    /// How many texts of each set every reference engine also returns vectors for, compared with ChatLab's.
    public var vectorsCompared = 4

    public init(texts: BenchTexts) {
        self.texts = texts
    }

    /// Runs every cell; `progress` hears one line per step. `references` are measured in that order, taking turns
    /// with ChatLab.
    public func run(model: MiniLMModel, references: [ReferenceWorker], progress: (String) -> Void) throws
        -> EmbeddingBenchReport
    {
        var encoder = MiniLMEncoder(model: model, caching: false)
        if let maxTokensPerBatch { encoder.maxTokensPerBatch = maxTokensPerBatch }
        var report = EmbeddingBenchReport(texts: texts, rounds: rounds, seconds: seconds)
        report.openBLAS = OpenBLASInfo.summary
        report.openBLASCore = OpenBLASInfo.coreName
        report.engines = references.map(\.engine)
        report.vectorsCompared = vectorsCompared
        for count in threads where count > 1 {
            // The encoder times its passes for its plans on first need; here, before anything else runs, not in the
            // middle of a cell.
            var planned = encoder
            planned.threads = count
            let took = Stopwatch.seconds { planned.preparePlans() }
            progress("measured ChatLab's pass costs on \(count) threads in \(String(format: "%.2f", took)) s")
        }
        let ours = texts.sets.map { set in
            (set.name, encoder.encodeDetailed(Array(set.texts.prefix(vectorsCompared))).map(\.vector))
        }
        for worker in references {
            progress("loading the model into \(worker.engine.name) (\(worker.python))")
            let theirs = try worker.load(texts: texts, modelFolder: model.folder.path, vectors: vectorsCompared)
            report.versions[worker.engine] = worker.versions
            report.tokenMismatches[worker.engine] = texts.sets.reduce(0) { sum, set in
                sum + zip(set.tokens, theirs.tokens[set.name] ?? []).filter { $0 != $1 }.count
                    + abs(set.tokens.count - (theirs.tokens[set.name]?.count ?? 0))
            }
            if vectorsCompared > 0 {
                report.differences[worker.engine] = try ours.map { name, vectors in
                    try Self.largestDifference(vectors, theirs.vectors[name] ?? [], engine: worker.engine)
                }.max() ?? 0
            }
        }
        let original = BLASThreads.count
        defer { BLASThreads.set(original) }

        try measurePeaks(into: &report, references: references, progress: progress)
        for count in threads {
            for set in texts.sets {
                for batch in batches {
                    let cell = BenchCell(threads: count, set: set.name, batch: batch)
                    progress("measuring \(count) thread\(count == 1 ? "" : "s"), \(set.name) texts, batch \(batch)")
                    var row = try measure(
                        cell, set, encoder: encoder, references: references,
                        peak: &report.peaks[count, default: .init()])
                    var planned = encoder
                    planned.threads = count
                    row.plan = planned.planSummary((0..<batch).map { set.texts[(batch + $0) % set.texts.count] })
                    report.rows.append(row)
                }
            }
        }
        try measurePeaks(into: &report, references: references, progress: progress)
        return report
    }

    /// The largest absolute difference between two lists of vectors, which must have the same shape.
    static func largestDifference(_ ours: [[Float]], _ theirs: [[Float]], engine: ReferenceEngine) throws -> Double {
        guard ours.count == theirs.count, zip(ours, theirs).allSatisfy({ $0.count == $1.count }) else {
            throw EmbeddingBenchError.referenceWorker(
                engine: engine.name, python: "", reason: "it returned \(theirs.count) vectors of "
                    + "\(theirs.first?.count ?? 0) numbers, expected \(ours.count) of \(ours.first?.count ?? 0)")
        }
        return zip(ours, theirs).flatMap { zip($0, $1).map { Double(abs($0 - $1)) } }.max() ?? 0
    }

    /// One cell: `rounds` rounds of ChatLab and the references taking turns (and an OpenBLAS peak sample each), the
    /// fastest of each engine.
    private func measure(
        _ cell: BenchCell, _ set: BenchTexts.Set, encoder: MiniLMEncoder, references: [ReferenceWorker],
        peak: inout EmbeddingBenchReport.Peak
    ) throws -> EmbeddingBenchReport.Row {
        var ours: BenchRate?
        var theirs: [ReferenceEngine: BenchRate] = [:]
        var alongside = 0.0
        let turns = references.count + 1
        for round in 0..<max(1, rounds) {
            // The peak is sampled alongside every round, so that the cell's share compares rates measured under the
            // same load (and the run's highest sees the machine's fast spells as often as the cells do).
            pause()
            alongside = max(alongside, SGEMMPeak.measure(threads: cell.threads, seconds: seconds))
            peak.openBLAS = max(peak.openBLAS, alongside)
            // Round-robin: 0 is ChatLab, 1... the references; who goes first rotates with the round.
            for turn in 0..<turns {
                let engine = (round + turn) % turns
                pause()
                if engine == 0 {
                    ours = .best(ours, measure(encoder, set, cell))
                } else {
                    let worker = references[engine - 1]
                    let (encoded, taken) = try worker.measure(cell, seconds: seconds)
                    theirs[worker.engine] = .best(theirs[worker.engine], BenchRate(
                        encoded: encoded, of: set, batch: cell.batch, seconds: taken, config: encoder.model.config))
                }
            }
        }
        return .init(cell: cell, meanTokens: set.meanTokens, chatLab: ours!, references: theirs, peak: alongside)
    }

    private func measurePeaks(
        into report: inout EmbeddingBenchReport, references: [ReferenceWorker], progress: (String) -> Void
    ) throws {
        progress("measuring the peak sgemm rate")
        for count in threads {
            var peak = report.peaks[count] ?? .init()
            for _ in 0..<max(1, rounds) {
                pause()
                peak.openBLAS = max(peak.openBLAS, SGEMMPeak.measure(threads: count, seconds: seconds))
                for worker in references {
                    pause()
                    let gflops = try worker.peak(threads: count, seconds: seconds)
                    peak.references[worker.engine] = max(peak.references[worker.engine] ?? 0, gflops)
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
