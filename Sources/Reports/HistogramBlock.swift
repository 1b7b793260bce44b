import LabCore

/// One breakdown to show as a block of a `Histograms` sheet, under its title.
struct HistogramBlock {
    var title: String
    var breakdown: Breakdown

    /// Every breakdown of every run, run by run: `Run 1 · ML-U3 by typo level`.
    /// - Parameter keys: the series in order; ``Analysis/seriesKeys`` when `nil`.
    static func perRun(_ analysis: Analysis, keys: [SeriesKey]? = nil) -> [HistogramBlock] {
        let keys = keys ?? analysis.seriesKeys
        let labels = SeriesLabels(underTest: analysis.experiment.underTest, keys: keys)
        return analysis.runs.flatMap { run in
            keys.flatMap { key in
                (run.series(key)?.result.breakdowns ?? []).map { breakdown in
                    HistogramBlock(
                        title: "\(RunSheet.name(run.run)) · \(breakdown.title)\(labels.suffix(key))", breakdown: breakdown)
                }
            }
        }
    }

    /// Every series' breakdowns summed over all runs, bucket by bucket.
    static func totals(_ analysis: Analysis) -> [HistogramBlock] {
        let labels = SeriesLabels(analysis)
        return analysis.seriesKeys.flatMap { key in
            analysis.totalBreakdowns(key).map { breakdown in
                HistogramBlock(title: "\(breakdown.title)\(labels.suffix(key)) · all runs", breakdown: breakdown)
            }
        }
    }
}
