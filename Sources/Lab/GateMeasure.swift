import LabCore

/// The numbers a gate judges for one check of one seat: its verdicts, how many of the seat's turns failed, and its
/// statistics (latency percentiles for RT).
public struct GateMeasure: Sendable, Hashable {
    public var key: SeriesKey
    public var tally: Tally
    /// The seat's chatter turns (injected probes not counted) and those that produced no reply.
    public var asked: Int
    public var failed: Int
    /// The check's statistics by name (`median`, `p95`...).
    public var statistics: [String: Double]

    public init(key: SeriesKey, tally: Tally, asked: Int, failed: Int, statistics: [String: Double]) {
        self.key = key
        self.tally = tally
        self.asked = asked
        self.failed = failed
        self.statistics = statistics
    }

    /// Failed turns per turn of the seat; `nil` when the seat had none.
    public var errorRate: Double? { asked == 0 ? nil : Double(failed) / Double(asked) }

    /// Every check of an analysis pooled over its runs (statistics from ``Analysis/totalStatistics``).
    public static func totals(_ analysis: Analysis) -> [GateMeasure] {
        analysis.seriesKeys.map { key in
            let asked = analysis.runs.reduce(0) { $0 + ($1.counts.askedBySeat[key.seat] ?? 0) }
            let answered = analysis.runs.reduce(0) { $0 + ($1.counts.answeredBySeat[key.seat] ?? 0) }
            return GateMeasure(
                key: key, tally: analysis.total(key), asked: asked, failed: asked - answered,
                statistics: named(analysis.totalStatistics[key] ?? []))
        }
    }

    /// Every check of one run.
    public static func run(_ run: RunAnalysis, keys: [SeriesKey]) -> [GateMeasure] {
        keys.map { key in
            let asked = run.counts.askedBySeat[key.seat] ?? 0
            let series = run.series(key)?.result
            return GateMeasure(
                key: key, tally: series?.tally ?? Tally(), asked: asked,
                failed: asked - (run.counts.answeredBySeat[key.seat] ?? 0), statistics: named(series?.statistics ?? []))
        }
    }

    static func named(_ statistics: [Statistic]) -> [String: Double] {
        Dictionary(statistics.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}
