import Foundation

extension TrendReport {
    /// The terminal summary: one line per model over the slice, then the last batch against the history and its
    /// regressions.
    public func summaryLines() -> [String] {
        func number(_ value: Double?, _ format: String) -> String { value.map { String(format: format, $0) } ?? "-" }
        func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "-" }
        func row(_ name: String, _ point: TrendPoint) -> String {
            [name.padding(toLength: 22, withPad: " ", startingAt: 0), String(format: "%8d", point.answers),
             percent(point.successRate).leftPadded(9), number(point.latencyMedian, "%.3f").leftPadded(9),
             number(point.latencyP95, "%.3f").leftPadded(9), number(point.tokensPerSecondMedian, "%.1f").leftPadded(9),
             percent(point.keywordCoverage).leftPadded(9), percent(point.meaningCoverage).leftPadded(9),
             percent(point.correctRate).leftPadded(9)].joined(separator: " ")
        }
        let head = ["model".padding(toLength: 22, withPad: " ", startingAt: 0), "answers".leftPadded(8),
                    "success".leftPadded(9), "p50 s".leftPadded(9), "p95 s".leftPadded(9), "tok/s".leftPadded(9),
                    "keywords".leftPadded(9), "meaning".leftPadded(9), "correct".leftPadded(9)].joined(separator: " ")
        var lines = ["\(answers) answers in \(batches.count) batches, \(models.count) models", head]
        lines += models.map { row($0, overall[$0]!) }
        guard let last else { return lines + ["one batch only: no comparison with a history yet"] }
        lines.append("last batch \(last.batch.id) against the \(batches.count - 1) before it:")
        for model in last.batch.points.keys.sorted() {
            lines.append(row("\(model) (last)", last.batch.points[model]!))
            if let history = last.history[model] { lines.append(row("\(model) (history)", history)) }
        }
        if regressions.isEmpty {
            lines.append("no regressions")
        } else {
            for regression in regressions {
                lines.append("REGRESSION \(regression.model): \(regression.measure) "
                    + String(format: "%.3f -> %.3f", regression.history, regression.last))
            }
        }
        return lines
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
