import LabCore

/// Writes `summary.xlsx`: a `Runs` sheet (one row per run and a pooled `Total` row) and an `Experiment` sheet.
public enum SummaryWorkbook {
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
        try RunsSheet.write(analysis, totalStatistics: totalStatistics, into: book)
        try ExperimentSheet.write(analysis.experiment, into: book)
        try book.close()
        return book.warnings
    }
}
