import Foundation

extension EmbeddingBenchReport {
    /// The checks of issue 23 this run can judge (the comparisons only with the engines compared), each with the cell
    /// that came closest to missing it.
    public var goals: [Goal] {
        var goals: [Goal] = []
        if let worst = worst(.onnx, rows) {
            goals.append(Goal(
                name: "at least ONNX Runtime fp32 in every cell", met: worst.ratio >= 1,
                closest: "\(label(worst.row.cell)): \(times(worst.ratio))"))
        }
        if let worst = worst(.torch, rows.filter { $0.cell.batch == 1 }) {
            goals.append(Goal(
                name: "at least \(times(Self.batchOneRatio)) PyTorch at batch 1",
                met: worst.ratio >= Self.batchOneRatio,
                closest: "\(label(worst.row.cell)): \(times(worst.ratio))"))
        }
        let large = rows.filter { $0.cell.batch == 64 }
        if let worst = large.min(by: { share($0, $0.chatLab) < share($1, $1.chatLab) }) {
            let value = share(worst, worst.chatLab)
            let peak = machinePeak(worst)
            goals.append(Goal(
                name: "at least \(percent(Self.peakShare)) of the machine's best sgemm peak at batch 64",
                met: value >= Self.peakShare,
                closest: "\(label(worst.cell)): \(percent(value)) of \(number(peak.gflops, 1)) GFLOP/s "
                    + "(\(peak.source)); \(percent(runShare(worst, worst.chatLab))) of the run's highest, "
                    + "any library"))
        }
        if let worst = worst(.torch, rows) {
            goals.append(Goal(
                name: "ahead of PyTorch in every cell", met: worst.ratio > 1,
                closest: "\(label(worst.row.cell)): \(times(worst.ratio))"))
        }
        return goals
    }

    /// The row of `rows` where ChatLab's lead over `engine` is smallest, if `engine` was compared there.
    private func worst(_ engine: ReferenceEngine, _ rows: [Row]) -> (row: Row, ratio: Double)? {
        rows.compactMap { row in row.ratio(engine).map { (row, $0) } }.min { $0.1 < $1.1 }
    }

    func label(_ cell: BenchCell) -> String {
        "\(cell.threads) thread\(cell.threads == 1 ? "" : "s"), \(cell.set), batch \(cell.batch)"
    }

    func number(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
    func times(_ value: Double) -> String { String(format: "%.2f×", value) }
    func percent(_ value: Double) -> String { String(format: "%.1f %%", 100 * value) }
}
