import LabCore

/// Writes `report.xlsx`: one sheet per run (`Run <k>`) with a row per round, the utterances, probe marks and every
/// scorer's verdict, score and note, plus one sheet per scorer table title.
public enum RunWorkbook {
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
        try book.close()
        return book.warnings
    }
}
