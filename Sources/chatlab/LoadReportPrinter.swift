import Foundation
import LoadTest

/// Prints the results of `chatlab load`: counts, error classes, latency per expected intent, intent accuracy with
/// its denominator, one line per step, and the thresholds' table.
enum LoadReportPrinter {
    static func print(_ results: LoadResults) {
        let s = results.statistics
        Swift.print("sent \(s.sent)  answered \(s.answered)  errors \(s.sent - s.answered) "
            + "(\(percent(s.errorRate)))  in \(fixed(s.seconds, 2)) s  \(fixed(s.requestsPerSecond, 1)) requests/s")
        if !s.errors.isEmpty {
            Swift.print("errors by class: " + s.errors.keys.sorted().map { "\($0) \(s.errors[$0]!)" }.joined(separator: ", "))
        }
        if let accuracy = s.intentAccuracy {
            Swift.print("intent accuracy \(fixed(accuracy, 3)) (\(Int((accuracy * Double(s.accuracyDenominator)).rounded())) "
                + "of \(s.accuracyDenominator) answered replies with an expected intent)")
        }
        if s.referenceChecks.total > 0 {
            Swift.print("reference counts right: \(s.referenceChecks.passed) of \(s.referenceChecks.total)")
        }
        if let lengths = s.lengthChecks {
            Swift.print("length checks passed: \(lengths.passed) of \(lengths.total) answered replies")
        }
        Swift.print(pad("latency ms", 22) + ["count", "mean", "p50", "min", "max", "p90", "p95", "p99", "p99.9"]
            .map { pad($0, 9, right: true) }.joined())
        Swift.print(latencyRow("(all)", s.latency))
        if let firstToken = s.firstToken { Swift.print(latencyRow("(first token)", firstToken)) }
        for intent in s.latencyByIntent.keys.sorted() {
            Swift.print(latencyRow(intent.isEmpty ? "(none)" : intent, s.latencyByIntent[intent]!))
        }
        if !results.steps.isEmpty {
            Swift.print(pad("users", 8) + ["sent", "req/s", "mean", "p95", "p99", "errors", "server", "throttled", "other"]
                .map { pad($0, 10, right: true) }.joined())
            for step in results.steps {
                let t = step.statistics
                Swift.print(pad("\(step.users)", 8) + [
                    "\(t.sent)", fixed(t.requestsPerSecond, 1), fixed(t.latency.mean, 1), fixed(t.latency.p95, 1),
                    fixed(t.latency.p99, 1), percent(t.errorRate), percent(t.errorRate(ErrorClass.serverError)),
                    percent(t.errorRate(ErrorClass.throttled)), percent(step.otherErrorRate),
                ].map { pad($0, 10, right: true) }.joined())
            }
        }
        if let quality = results.quality { printQuality(quality) }
        if !results.thresholds.isEmpty {
            Swift.print(pad("threshold", 30) + pad("actual", 14, right: true) + "  result")
            for outcome in results.thresholds {
                let actual = outcome.actual.map { fixed($0, 3) + (outcome.unit.isEmpty ? "" : " \(outcome.unit)") } ?? "not measured"
                Swift.print(pad(outcome.threshold, 30) + pad(actual, 14, right: true) + "  " + (outcome.passed ? "pass" : "FAIL"))
            }
        }
    }

    /// Each scorer's pass rate and mean score, overall and per number of users.
    private static func printQuality(_ quality: QualityResults) {
        Swift.print(pad("quality", 24) + ["users", "judged", "pass rate", "mean score"].map { pad($0, 11, right: true) }.joined())
        func row(_ users: String, _ measure: QualityMeasure) {
            Swift.print(pad(String(measure.title.prefix(23)), 24) + [
                users, "\(measure.tally.total)", measure.tally.rate.map { percent($0) } ?? "-",
                measure.meanScore.map { fixed($0, 3) } ?? "-",
            ].map { pad($0, 11, right: true) }.joined())
        }
        for measure in quality.overall { row("all", measure) }
        if quality.byUsers.count > 1 {
            for step in quality.byUsers { for measure in step.measures { row("\(step.users)", measure) } }
        }
        if quality.notScored > 0 { Swift.print("replies not scored (too many waiting): \(quality.notScored)") }
    }

    private static func latencyRow(_ name: String, _ l: LatencySummary) -> String {
        pad(String(name.prefix(21)), 22) + (["\(l.count)"] + [l.mean, l.median, l.min, l.max, l.p90, l.p95, l.p99, l.p999]
            .map { fixed($0, 2) }).map { pad($0, 9, right: true) }.joined()
    }

    static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
    static func percent(_ value: Double) -> String { String(format: "%.2f%%", value * 100) }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let gap = String(repeating: " ", count: max(0, width - text.count))
        return right ? gap + text : text + gap
    }
}
