import LabCore

/// The `Legend` sheet of `summary.xlsx`: what every column, colour and code means.
enum SummaryLegendSheet: SummarySheet {
    static let about = "What every column, colour and code means."

    static func write(_ summary: SummaryInput, into book: Workbook) throws -> String? {
        try LegendSheet.write(Legend.summaryWorkbook(summary.analysis), into: book)
    }
}
