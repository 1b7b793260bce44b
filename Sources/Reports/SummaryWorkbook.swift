import LabCore

/// Writes `summary.xlsx`: `Overview` (facts, every series' pooled pass rate coloured by level, a bar chart, links),
/// then the sheets of ``sheets`` that have something to show: `Runs` (one row per run and a pooled `Total` row,
/// probe counts, links into `report.xlsx`), `Histograms` (when series have breakdowns: summed over runs, with a chart
/// per block), `Response time` (when a series is a response-time check), `Tokens` (when a chatter reported token
/// metrics), `Experiment` and `Legend`.
public enum SummaryWorkbook {
    /// The file name the run workbook links back to; it must sit in the same folder as `report.xlsx`.
    public static let fileName = "summary.xlsx"

    /// The sheets after the Overview, in tab order: one entry per ``SummarySheet``.
    static let sheets: [any SummarySheet.Type] = [
        RunsSheet.self, SimulationSummarySheet.self, SummaryHistogramSheet.self, ResponseTimeSheet.self, TokenUsageSheet.self,
        RulesSheet.self, ExperimentSheet.self,
        SummaryLegendSheet.self,
    ]

    /// Writes the workbook to `path`.
    ///
    /// - Parameter totalStatistics: statistics per series computed by the caller over the pooled data of all runs;
    ///   shown in the `Total` row (statistics cannot be combined from per-run values).
    /// - Returns: warnings worth showing the user, e.g. texts cut to Excel's 32,767-character limit.
    /// - Throws: ``WorkbookError``; the folder is checked before anything is written.
    @discardableResult
    /// - Parameter constantMemory: stream each sheet's rows to disk as they are written (see
    ///   ``Workbook/constantMemory``), so the `Runs` sheet of a large experiment is not held in memory.
    public static func write(
        _ analysis: Analysis, totalStatistics: [SeriesKey: [Statistic]], to path: String, constantMemory: Bool = false
    ) throws -> [String] {
        let book = try Workbook(path: path, constantMemory: constantMemory)
        let overview = try book.addSheet(OverviewSheet.name)
        let summary = SummaryInput(analysis: analysis, totalStatistics: totalStatistics)
        var written: [(sheet: String, type: any SummarySheet.Type)] = []
        for type in sheets {
            if let name = try type.write(summary, into: book) { written.append((name, type)) }
        }
        try OverviewSheet.write(
            analysis, on: overview, targets: written.map { .init(sheet: $0.sheet, about: $0.type.about) }
        ) { key in
            written.first { $0.type.details(key, summary) }?.sheet ?? RunsSheet.name
        }
        try book.close()
        return book.warnings
    }
}
