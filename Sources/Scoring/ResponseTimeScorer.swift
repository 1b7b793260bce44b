import LabCore

/// Response time of every reply, in seconds. A reply passes when it came within `maxSeconds`.
///
/// Only answered turns are timed: a failed turn (no reply) is skipped, not counted as a slow one, and its seconds stay
/// out of the statistics and histograms (the gates' `max_error_rate` judges failed turns).
///
/// Per run: mean, median, 95th and 99th percentile and maximum; the summary's total row pools all replies of all runs.
public struct ResponseTimeScorer: Scorer {
    /// The default limit in seconds.
    public static let defaultMaxSeconds = 10.0
    /// The catalogue entry of RT.
    public static let check = CheckEntry(
        code: "RT", title: "response time",
        meaning: "Response time: the seconds the chatter took to reply (mean, median, p95, p99 and maximum per run "
            + "and pooled over runs); only answered turns count (a failed turn is skipped, not slow).",
        unit: "seconds", threshold: .failsAbove(defaultMaxSeconds, unit: "s"), kind: .responseTime)

    public var code: String { Self.check.code }
    public var title: String { Self.check.title }
    public var maxSeconds: Double

    public init(maxSeconds: Double = defaultMaxSeconds) {
        self.maxSeconds = maxSeconds
    }

    public var threshold: CheckThreshold? { .failsAbove(maxSeconds, unit: "s") }

    public func score(_ input: ScorerInput) -> ScoreResult {
        var cells: [Int: ScoreCell] = [:]
        for turn in input.replies {
            guard let latency = turn.latency else { continue }
            if let error = turn.error {
                cells[turn.index] = ScoreCell(verdict: .skipped, interpretation: "failed: \(error.kind), not timed")
            } else {
                cells[turn.index] = ScoreCell(verdict: latency <= maxSeconds ? .pass : .fail, score: latency)
            }
        }
        return ScoreResult(cells: cells, statistics: Self.summary(cells.values.compactMap(\.score)))
    }

    public func pooledStatistics(_ results: [ScoreResult]) -> [Statistic] {
        Self.summary(results.flatMap(\.scores))
    }

    static func summary(_ values: [Double]) -> [Statistic] {
        guard let mean = Statistics.mean(values), let median = Statistics.median(values),
            let p95 = Statistics.quantile(values, 0.95), let p99 = Statistics.quantile(values, 0.99), let max = values.max()
        else { return [] }
        return [
            Statistic("mean", mean), Statistic("median", median), Statistic("p95", p95), Statistic("p99", p99),
            Statistic("max", max),
        ]
    }
}
