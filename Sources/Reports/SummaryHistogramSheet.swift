import LabCore

/// The `Histograms` sheet of `summary.xlsx`: every series' breakdowns summed over all runs, with a chart per block.
enum SummaryHistogramSheet: SummarySheet {
    static let about = "Pass rate by perturbation level or distance, all runs."

    static func write(_ summary: SummaryInput, into book: Workbook) throws -> String? {
        try HistogramSheet.write(HistogramBlock.totals(summary.analysis), into: book, charts: true)
    }

    static func details(_ key: SeriesKey, _ summary: SummaryInput) -> Bool {
        !summary.analysis.totalBreakdowns(key).isEmpty
    }
}
