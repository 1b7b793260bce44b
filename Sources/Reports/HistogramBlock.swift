import LabCore

/// One breakdown to show as a block of a `Histograms` sheet, under its title.
struct HistogramBlock {
    var title: String
    var breakdown: Breakdown

    /// Every breakdown of every run, run by run: `Run 1 · ML-U3 by typo level`.
    static func perRun(_ analysis: Analysis) -> [HistogramBlock] {
        let labels = SeriesLabels(analysis)
        return analysis.runs.flatMap { run in
            analysis.seriesKeys.flatMap { key in
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
