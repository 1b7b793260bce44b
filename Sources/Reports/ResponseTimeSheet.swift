import LabCore

/// Writes the `Response time` sheet of `summary.xlsx`: per response-time series (a code whose catalogue entry has
/// kind ``CheckKind/responseTime``, e.g. `RT`), the replies of all runs counted in about ten bins, as numbers, and a
/// column chart of them.
enum ResponseTimeSheet: SummarySheet {
    static let name = "Response time"
    static let about = "How long the replies took, all runs."

    static func write(_ summary: SummaryInput, into book: Workbook) throws -> String? {
        try write(summary.analysis, into: book)
    }

    static func details(_ key: SeriesKey, _ summary: SummaryInput) -> Bool { shows(key, summary.analysis) }

    /// Whether a series' scores are response times in seconds, which this sheet shows.
    static func shows(_ key: SeriesKey, _ analysis: Analysis) -> Bool {
        analysis.checks[key.code]?.kind == .responseTime
    }

    /// Writes nothing when no series is a response-time one. Returns the sheet's name when it was written.
    @discardableResult
    static func write(_ analysis: Analysis, into book: Workbook) throws -> String? {
        let keys = analysis.seriesKeys.filter { shows($0, analysis) }
        guard !keys.isEmpty else { return nil }
        let sheet = try book.addSheet(name)
        try sheet.fitToPageWidth()
        let labels = SeriesLabels(analysis)
        try sheet.setColumn(0, through: 1, width: 10)
        try sheet.setColumn(2, width: 16)
        try sheet.setColumn(3, width: 10)
        var row = 0
        for key in keys {
            let seconds = analysis.runs.flatMap { $0.series(key)?.result.scores ?? [] }
            row = try writeBlock(
                title: "\(labels.full(key)) · all runs", bins: ResponseTimeBins(seconds), empty: seconds.isEmpty,
                at: row, on: sheet) + 2
        }
        return sheet.name
    }

    private static func writeBlock(title: String, bins: ResponseTimeBins, empty: Bool, at top: Int, on sheet: Sheet)
        throws -> Int
    {
        try sheet.write(row: top, col: 0, .text(title), style: ReportStyle.title)
        if empty {
            try sheet.write(row: top + 1, col: 0, .text("no response times were measured"))
            return top + 1
        }
        try sheet.write(
            row: top + 1, col: 0, values: [.text("from (s)"), .text("to (s)"), .text("bin"), .text("replies")],
            style: ReportStyle.header)
        let first = top + 2
        for index in bins.counts.indices {
            let row = first + index
            try sheet.write(row: row, col: 0, .number(bins.edges[index]))
            try sheet.write(row: row, col: 1, .number(bins.edges[index] + bins.width))
            try sheet.write(row: row, col: 2, .text(bins.label(index)), style: CellStyle(horizontal: .center))
            try sheet.write(row: row, col: 3, .integer(bins.counts[index]))
        }
        let last = first + bins.counts.count - 1
        let chart = Chart(
            kind: .column, title: title,
            series: [
                ChartSeries(
                    name: "replies", categories: .column(2, rows: first...last, sheet: sheet.name),
                    values: .column(3, rows: first...last, sheet: sheet.name), color: 0x70AD47)
            ],
            categoryAxis: "response time", valueAxis: "replies")
        try sheet.insertChart(chart, row: top, col: 5, scale: 1.5, heightScale: max(1, Double(last - top + 1) * 20 / 288))
        return max(last, top + 15)
    }
}
