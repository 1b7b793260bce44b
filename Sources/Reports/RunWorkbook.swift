import LabCore

/// Writes `report.xlsx`: one sheet per run (`Run <k>`) with a row per round, the utterances, probe marks and every
/// scorer's verdict, score and note (probe rounds filled blue for information, yellow for questions, with a link back
/// to `summary.xlsx`), one sheet per scorer table title, a `Histograms` sheet when series have breakdowns (per run,
/// numbers only) and a `Legend` sheet.
public enum RunWorkbook {
    /// The file name the summary workbook links to; it must sit in the same folder as `summary.xlsx`.
    public static let fileName = "report.xlsx"

    /// Writes the workbook to `path`.
    /// - Returns: warnings worth showing the user, e.g. texts cut to Excel's 32,767-character limit.
    /// - Throws: ``WorkbookError``; the folder is checked before anything is written.
    @discardableResult
    public static func write(_ analysis: Analysis, to path: String) throws -> [String] {
        let book = try Workbook(path: path)
        for run in analysis.runs {
            try RunSheet.write(run, of: analysis, into: book)
        }
        try TableSheets.write(analysis, into: book)
        try HistogramSheet.write(HistogramBlock.perRun(analysis), into: book, charts: false)
        try LegendSheet.write(Legend.runWorkbook(analysis), into: book)
        try book.close()
        return book.warnings
    }
}
