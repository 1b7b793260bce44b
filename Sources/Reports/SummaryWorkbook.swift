import LabCore

/// Writes `summary.xlsx`: `Overview` (facts, every series' pooled pass rate coloured by level, a bar chart, links),
/// `Runs` (one row per run and a pooled `Total` row, probe counts, links into `report.xlsx`), `Histograms` (when
/// series have breakdowns: summed over runs, with a chart per block), `Response time` (when a series has code `RT`),
/// `Experiment` and `Legend`.
public enum SummaryWorkbook {
    /// The file name the run workbook links back to; it must sit in the same folder as `report.xlsx`.
    public static let fileName = "summary.xlsx"

    /// Writes the workbook to `path`.
    ///
    /// - Parameter totalStatistics: statistics per series computed by the caller over the pooled data of all runs;
    ///   shown in the `Total` row (statistics cannot be combined from per-run values).
    /// - Returns: warnings worth showing the user, e.g. texts cut to Excel's 32,767-character limit.
    /// - Throws: ``WorkbookError``; the folder is checked before anything is written.
    @discardableResult
    public static func write(
        _ analysis: Analysis, totalStatistics: [SeriesKey: [Statistic]], to path: String
    ) throws -> [String] {
        let book = try Workbook(path: path)
        let overview = try book.addSheet(OverviewSheet.name)
        var targets = [OverviewSheet.Target(sheet: RunsSheet.name, about: "One row per run and the pooled total.")]
        try RunsSheet.write(analysis, totalStatistics: totalStatistics, into: book)
        let histograms = try HistogramSheet.write(HistogramBlock.totals(analysis), into: book, charts: true)
        if let histograms {
            targets.append(.init(sheet: histograms, about: "Pass rate by perturbation level or distance, all runs."))
        }
        let responseTime = try ResponseTimeSheet.write(analysis, into: book)
        if let responseTime { targets.append(.init(sheet: responseTime, about: "How long the replies took, all runs.")) }
        try ExperimentSheet.write(analysis.experiment, into: book)
        targets.append(.init(sheet: "Experiment", about: "The experiment's settings and configuration."))
        let legend = try LegendSheet.write(Legend.summaryWorkbook(analysis), into: book)
        targets.append(.init(sheet: legend, about: "What every column, colour and code means."))
        try OverviewSheet.write(
            analysis, on: overview, targets: targets, histograms: histograms, responseTime: responseTime)
        try book.close()
        return book.warnings
    }
}
