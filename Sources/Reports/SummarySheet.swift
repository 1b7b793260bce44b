import LabCore

/// A sheet of `summary.xlsx` after the `Overview`, which lists and links every sheet written.
///
/// To add one: a type conforming to this protocol in its own file under `Sources/Reports/`, and one entry in
/// ``SummaryWorkbook/sheets`` (the order there is the order of the tabs).
protocol SummarySheet {
    /// One line for the Overview's list of sheets, e.g. "One row per run and the pooled total.".
    static var about: String { get }

    /// Writes the sheet when it has something to show, and returns its name; `nil` when it wrote nothing.
    static func write(_ summary: SummaryInput, into book: Workbook) throws -> String?

    /// Whether the sheet shows a series in more detail than the Overview: the Overview links each series to the
    /// first written sheet that does. The default is no.
    static func details(_ key: SeriesKey, _ summary: SummaryInput) -> Bool
}

extension SummarySheet {
    static func details(_ key: SeriesKey, _ summary: SummaryInput) -> Bool { false }
}

/// What every summary sheet is written from.
struct SummaryInput {
    var analysis: Analysis
    /// Statistics per series over the pooled data of all runs, for the `Total` row.
    var totalStatistics: [SeriesKey: [Statistic]]
}
