import LabCore
import Reports

/// Writes the three reports of an analysis into a report folder.
public enum ReportWriter {
    public static func write(_ analysis: Analysis, totals: [SeriesKey: [Statistic]], to folder: ReportFolder) throws {
        try RunWorkbook.write(analysis, to: folder.runWorkbook)
        try SummaryWorkbook.write(analysis, totalStatistics: totals, to: folder.summaryWorkbook)
        try SummaryJSON(analysis, totals: totals).write(to: folder.summaryJSON)
    }
}
