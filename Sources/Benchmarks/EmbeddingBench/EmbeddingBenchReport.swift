import Foundation

/// The results of ``EmbeddingBenchmark``: one row per cell, the peak sgemm rates, the reference engines' agreement
/// with ChatLab, and the goals they meet (``goals``, ``text()``).
public struct EmbeddingBenchReport: Sendable {
    /// One cell: ChatLab's and each compared engine's fastest round.
    public struct Row: Sendable {
        public var cell: BenchCell
        public var meanTokens: Double
        public var chatLab: BenchRate
        /// The reference engines' rates (missing when an engine was not compared).
        public var references: [ReferenceEngine: BenchRate]
        /// The fastest OpenBLAS sgemm rate (GFLOP/s) sampled alongside this cell's rounds: OpenBLAS's peak in the
        /// same minute, under the same load from neighbours.
        public var peak: Double
        /// The plan ChatLab's encoder chose for one batch of this cell (``MiniLMEncoder/planSummary(_:)``).
        public var plan: String

        public init(
            cell: BenchCell, meanTokens: Double, chatLab: BenchRate, references: [ReferenceEngine: BenchRate] = [:],
            peak: Double, plan: String = ""
        ) {
            self.cell = cell
            self.meanTokens = meanTokens
            self.chatLab = chatLab
            self.references = references
            self.peak = peak
            self.plan = plan
        }

        /// ChatLab's texts/s over `engine`'s.
        public func ratio(_ engine: ReferenceEngine) -> Double? {
            references[engine].map { chatLab.textsPerSecond / $0.textsPerSecond }
        }
    }

    /// The peak sgemm rates (GFLOP/s) on one thread count, per library: the fastest run of 2048³ products.
    public struct Peak: Sendable {
        public var openBLAS: Double
        /// Each reference engine's own library (``ReferenceEngine/matmul``).
        public var references: [ReferenceEngine: Double]

        public init(openBLAS: Double = 0, references: [ReferenceEngine: Double] = [:]) {
            self.openBLAS = openBLAS
            self.references = references
        }

        /// The machine's peak: the highest of the libraries.
        public var best: Double { max(openBLAS, references.values.max() ?? 0) }

        /// The fastest reference library and its rate, if any was measured.
        public var bestReference: (engine: ReferenceEngine, gflops: Double)? {
            references.max { $0.value < $1.value }.map { ($0.key, $0.value) }
        }
    }

    /// A goal of issue 23 and whether this run met it.
    public struct Goal: Sendable {
        public var name: String
        public var met: Bool
        /// The cell that came closest to missing it, with its value.
        public var closest: String
    }

    /// ChatLab must be at least this many times as fast as PyTorch at batch 1.
    public static let batchOneRatio = 1.3
    /// At batch 64, ChatLab must reach this share of the machine's best peak sgemm rate.
    public static let peakShare = 0.75

    public var texts: BenchTexts
    public var rounds: Int
    public var seconds: Double
    public var peaks: [Int: Peak] = [:]
    public var rows: [Row] = []
    /// The engines compared, in the table's order.
    public var engines: [ReferenceEngine] = []
    /// What each compared engine reported when it loaded the model.
    public var versions: [ReferenceEngine: String] = [:]
    /// Texts whose token count differs between ChatLab and the engine (0 when they saw the same tokens).
    public var tokenMismatches: [ReferenceEngine: Int] = [:]
    /// The largest absolute difference between ChatLab's vectors and the engine's over ``vectorsCompared`` texts
    /// of each set.
    public var differences: [ReferenceEngine: Double] = [:]
    public var vectorsCompared = 0
    /// ``OpenBLASInfo/summary`` as the run saw it.
    public var openBLAS = ""
    /// ``OpenBLASInfo/coreName`` as the run saw it: the kernel OpenBLAS's peaks were measured on.
    public var openBLASCore = ""

    public init(texts: BenchTexts, rounds: Int, seconds: Double) {
        self.texts = texts
        self.rounds = rounds
        self.seconds = seconds
    }

    /// The machine's best peak sgemm rate for `row`: the highest of OpenBLAS's sampled alongside the cell (a shared
    /// machine's speed drifts from minute to minute; this compares like with like) and the reference libraries'
    /// highest of the run (sampled before and after the cells), with the library it came from.
    public func machinePeak(_ row: Row) -> (gflops: Double, source: String) {
        if let best = peaks[row.cell.threads]?.bestReference, best.gflops > row.peak {
            return (best.gflops, "\(best.engine.matmul), the run's highest")
        }
        return (row.peak, (openBLASCore.isEmpty ? "OpenBLAS" : "OpenBLAS \(openBLASCore)") + ", alongside the cell")
    }

    /// `rate`'s share of the machine's best peak sgemm rate for `row` (``machinePeak(_:)``).
    public func share(_ row: Row, _ rate: BenchRate) -> Double {
        rate.gflops / max(machinePeak(row).gflops, .leastNonzeroMagnitude)
    }

    /// `rate`'s share of the highest peak sgemm rate of the whole run, any library, on `row`'s thread count (the
    /// strictest view).
    public func runShare(_ row: Row, _ rate: BenchRate) -> Double {
        rate.gflops / (peaks[row.cell.threads]?.best ?? .infinity)
    }
}
