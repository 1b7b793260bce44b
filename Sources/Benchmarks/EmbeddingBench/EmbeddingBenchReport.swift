import Foundation

/// The results of ``EmbeddingBenchmark``: one row per cell, the peak sgemm rates, and the goals they meet.
public struct EmbeddingBenchReport: Sendable {
    /// One cell: ChatLab's and (if compared) PyTorch's fastest round.
    public struct Row: Sendable {
        public var cell: BenchCell
        public var meanTokens: Double
        public var chatLab: BenchRate
        public var pyTorch: BenchRate?
        /// The fastest sgemm rate (GFLOP/s, OpenBLAS) sampled alongside this cell's rounds: the machine's peak in
        /// the same minute, under the same load from neighbours.
        public var peak: Double

        public init(cell: BenchCell, meanTokens: Double, chatLab: BenchRate, pyTorch: BenchRate?, peak: Double) {
            self.cell = cell
            self.meanTokens = meanTokens
            self.chatLab = chatLab
            self.pyTorch = pyTorch
            self.peak = peak
        }

        /// ChatLab's texts/s over PyTorch's.
        public var ratio: Double? { pyTorch.map { chatLab.textsPerSecond / $0.textsPerSecond } }
    }

    /// The peak sgemm rate (GFLOP/s) on one thread count: the fastest run of 2048³ products over the cells' window.
    public struct Peak: Sendable {
        public var openBLAS: Double
        public var torch: Double?
        public init(openBLAS: Double = 0, torch: Double? = nil) {
            self.openBLAS = openBLAS
            self.torch = torch
        }

        /// The machine's peak: the higher of the two libraries.
        public var best: Double { max(openBLAS, torch ?? 0) }
    }

    /// A goal of issue 5 and whether this run met it.
    public struct Goal: Sendable {
        public var name: String
        public var met: Bool
        /// The cell that came closest to missing it, with its value.
        public var closest: String
    }

    /// ChatLab must be at least this many times as fast as PyTorch at batch 1.
    public static let batchOneRatio = 1.3
    /// At batch 64, ChatLab must reach this share of the peak sgemm rate.
    public static let peakShare = 0.75

    public var texts: BenchTexts
    public var rounds: Int
    public var seconds: Double
    public var peaks: [Int: Peak] = [:]
    public var rows: [Row] = []
    public var pyTorchVersions: String?
    /// Texts whose token count differs between ChatLab and PyTorch (0 when they saw the same tokens).
    public var tokenMismatches: Int?

    public init(texts: BenchTexts, rounds: Int, seconds: Double) {
        self.texts = texts
        self.rounds = rounds
        self.seconds = seconds
    }

    /// `rate`'s share of the peak sgemm rate sampled alongside `row` (a shared machine's speed drifts from minute
    /// to minute; this compares like with like).
    public func share(_ row: Row, _ rate: BenchRate) -> Double {
        rate.gflops / max(row.peak, .leastNonzeroMagnitude)
    }

    /// `rate`'s share of the highest peak sgemm rate of the whole run on `row`'s thread count (the strictest view).
    public func runShare(_ row: Row, _ rate: BenchRate) -> Double {
        rate.gflops / (peaks[row.cell.threads]?.best ?? .infinity)
    }

    public var goals: [Goal] {
        var goals: [Goal] = []
        let compared = rows.filter { $0.ratio != nil }
        if let worst = compared.min(by: { $0.ratio! < $1.ratio! }) {
            goals.append(Goal(
                name: "ahead of PyTorch in every cell", met: worst.ratio! > 1,
                closest: "\(label(worst.cell)): \(times(worst.ratio!))"))
        }
        if let worst = compared.filter({ $0.cell.batch == 1 }).min(by: { $0.ratio! < $1.ratio! }) {
            goals.append(Goal(
                name: "at least \(times(Self.batchOneRatio)) PyTorch at batch 1",
                met: worst.ratio! >= Self.batchOneRatio,
                closest: "\(label(worst.cell)): \(times(worst.ratio!))"))
        }
        let large = rows.filter { $0.cell.batch == 64 }
        if let worst = large.min(by: { share($0, $0.chatLab) < share($1, $1.chatLab) }) {
            let value = share(worst, worst.chatLab)
            goals.append(Goal(
                name: "at least \(percent(Self.peakShare)) of the peak sgemm rate at batch 64",
                met: value >= Self.peakShare,
                closest: "\(label(worst.cell)): \(percent(value)) of the \(number(worst.peak, 1)) GFLOP/s measured "
                    + "alongside; \(percent(runShare(worst, worst.chatLab))) of the run's highest"))
        }
        return goals
    }

    /// The table, the peaks above it and the goals below it.
    public func text() -> String {
        var lines: [String] = []
        let counts = texts.sets.map { "\($0.texts.count) \($0.name) (\(number($0.meanTokens, 1)) tokens on average)" }
        lines.append("texts: \(texts.path): \(counts.joined(separator: ", "))")
        lines.append("peak sgemm: 2048³ products for \(number(seconds, 1)) s, sampled \(rounds) times before the cells, "
            + "\(rounds) after, and in every round of every cell; the run's highest:")
        for count in peaks.keys.sorted() {
            let peak = peaks[count]!
            let parts = ["OpenBLAS " + number(peak.openBLAS, 1)]
                + (peak.torch.map { ["torch.matmul " + number($0, 1)] } ?? [])
            lines.append("  \(count) thread\(count == 1 ? "" : "s"): \(number(peak.best, 1)) GFLOP/s "
                + "(\(parts.joined(separator: ", ")))")
        }
        let compared = rows.contains { $0.pyTorch != nil }
        lines.append("each cell: the fastest of \(roundCount) of \(number(seconds, 1)) s"
            + (compared ? ", ChatLab and PyTorch alternating" : "")
            + (pyTorchVersions.map { "; \($0)" } ?? ""))
        lines.append("of peak: the share of the peak sampled alongside the cell (column peak), so that a neighbour's "
            + "load slows both alike")
        if let tokenMismatches, tokenMismatches > 0 {
            lines.append("warning: \(tokenMismatches) texts have different token counts in PyTorch")
        }
        lines.append("")
        var header = "threads  texts  tokens/text  batch     peak |  chatlab texts/s  tokens/s  GFLOP/s  of peak"
        if compared { header += " |  pytorch texts/s  tokens/s  GFLOP/s  of peak |  chatlab/pytorch" }
        lines.append(header)
        for row in rows {
            var line = pad(row.cell.threads, 7) + "  " + row.cell.set.padding(toLength: 5, withPad: " ", startingAt: 0)
                + "  " + pad(number(row.meanTokens, 1), 11) + "  " + pad(row.cell.batch, 5) + "  "
                + pad(number(row.peak, 1), 7) + " | " + columns(row, row.chatLab)
            if compared {
                line += " | " + (row.pyTorch.map { columns(row, $0) } ?? pad("-", 41))
                line += " | " + pad(row.ratio.map(times) ?? "-", 16)
            }
            lines.append(line)
        }
        let goals = goals
        if !goals.isEmpty {
            lines.append("")
            lines.append("goals (issue 5):")
            for goal in goals {
                lines.append("  \(goal.met ? "met    " : "MISSED ") \(goal.name) (closest: \(goal.closest))")
            }
        }
        return lines.joined(separator: "\n")
    }

    private var roundCount: String { "\(rounds) round\(rounds == 1 ? "" : "s")" }

    private func columns(_ row: Row, _ rate: BenchRate) -> String {
        pad(number(rate.textsPerSecond, 1), 16) + "  " + pad(number(rate.tokensPerSecond, 0), 8) + "  "
            + pad(number(rate.gflops, 1), 7) + "  " + pad(percent(share(row, rate)), 7)
    }

    private func label(_ cell: BenchCell) -> String {
        "\(cell.threads) thread\(cell.threads == 1 ? "" : "s"), \(cell.set), batch \(cell.batch)"
    }

    private func number(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
    private func times(_ value: Double) -> String { String(format: "%.2f×", value) }
    private func percent(_ value: Double) -> String { String(format: "%.1f %%", 100 * value) }
    private func pad(_ value: Any, _ width: Int) -> String {
        let text = "\(value)"
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
