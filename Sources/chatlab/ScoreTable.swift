import Foundation
import LabCore

/// The score table printed at the end of a run or analysis: per check passes, total, pass rate with its Wilson 95 %
/// interval, a `small` mark for fewer than ``Tally/smallSampleBelow`` verdicts, the rule in force and details.
enum ScoreTable {
    static func render(_ analysis: Analysis) -> String {
        let seats = Set(analysis.seriesKeys.map(\.seat))
        var rows: [[String]] = [["code", "check", "passes", "total", "rate", "95% CI", "sample", "threshold", "details"]]
        var anySmall = false
        for key in analysis.seriesKeys {
            let tally = analysis.total(key)
            let check = seats.count > 1 ? "\(key.title) (\(key.seat))" : key.title
            let rate = tally.rate.map { String(format: "%.1f%%", $0 * 100) } ?? "-"
            let interval = tally.interval?.percentText ?? "-"
            anySmall = anySmall || tally.isSmallSample
            let threshold = analysis.checks[key.code].map { $0.threshold.value == nil ? "-" : "\($0.threshold)" } ?? ""
            rows.append([
                key.code, check, "\(tally.passes)", "\(tally.total)", rate, interval, tally.isSmallSample ? "small" : "",
                threshold, details(key, analysis),
            ])
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        lines.append("95% CI: Wilson score interval of the pass rate.")
        if anySmall {
            lines.append("small: fewer than \(Tally.smallSampleBelow) verdicts; read the interval, not the rate.")
        }
        return lines.joined(separator: "\n")
    }

    /// Pooled mean/p95/max for response-time series (catalogue kind ``CheckKind/responseTime``), otherwise empty.
    private static func details(_ key: SeriesKey, _ analysis: Analysis) -> String {
        guard analysis.checks[key.code]?.kind == .responseTime else { return "" }
        let values = analysis.runs.flatMap { $0.series(key)?.result.scores ?? [] }
        guard let mean = Statistics.mean(values), let p95 = Statistics.quantile(values, 0.95), let max = values.max()
        else { return "" }
        return String(format: "mean %.3f s, p95 %.3f s, max %.3f s", mean, p95, max)
    }
}
