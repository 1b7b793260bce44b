import LabCore

/// Writes one run's sheet of `report.xlsx`: a row per round, then passes, total and pass rate per series.
enum RunSheet {
    /// The sheet name of a run, also used by the summary's links into `report.xlsx`.
    static func name(_ run: Int) -> String { "Run \(run)" }

    static func write(_ run: RunAnalysis, of analysis: Analysis, into book: Workbook) throws {
        let sheet = try book.addSheet(name(run.run))
        try sheet.fitToPageWidth()
        let columns = RunColumn.columns(for: run, in: analysis)
        let labels = SeriesLabels(analysis)

        for (col, column) in columns.enumerated() {
            try sheet.setColumn(col, width: column.width)
            try sheet.write(row: 0, col: col, .text(column.header(analysis, labels: labels)), style: ReportStyle.header)
        }
        let rounds = run.transcript.roundCount
        for round in stride(from: 1, through: rounds, by: 1) {
            for (col, column) in columns.enumerated() {
                var (value, style) = column.cell(round: round, in: run)
                if let fill = probeFill(round: round, in: run), !column.isVerdict { style.fill = fill }
                try sheet.write(row: round, col: col, value, style: style)
            }
        }
        try sheet.freezeHeader(rows: 1)
        try sheet.autofilter(lastRow: rounds, lastCol: columns.count - 1)
        try writeTallies(run, columns: columns, sheet: sheet, firstRow: rounds + 2)
        let runsRow = (analysis.runs.firstIndex { $0.run == run.run } ?? 0) + 1
        try sheet.write(
            row: rounds + 6, col: 0, link: .file(SummaryWorkbook.fileName, sheet: RunsSheet.name, row: runsRow),
            text: "Back to \(SummaryWorkbook.fileName)")
    }

    /// The fill of a round that carries a probe turn (information or question), or `nil`.
    static func probeFill(round: Int, in run: RunAnalysis) -> UInt32? {
        let roles = Seat.allCases.compactMap { run.transcript.turn(round: round, seat: $0)?.probe?.role }
        if roles.contains(.question) { return ReportStyle.questionFill }
        if roles.contains(.information) { return ReportStyle.informationFill }
        return nil
    }

    /// Three labelled rows under the rounds: passes, total, pass rate, as numbers under each series' first column
    /// (its verdict column when shown).
    private static func writeTallies(_ run: RunAnalysis, columns: [RunColumn], sheet: Sheet, firstRow: Int) throws {
        try sheet.write(row: firstRow, col: 0, .text("passes"), style: ReportStyle.bold)
        try sheet.write(row: firstRow + 1, col: 0, .text("total"), style: ReportStyle.bold)
        try sheet.write(row: firstRow + 2, col: 0, .text("pass rate"), style: ReportStyle.bold)
        var done = Set<SeriesKey>()
        for (col, column) in columns.enumerated() {
            guard let key = column.seriesKey, done.insert(key).inserted else { continue }
            let tally = run.series(key)?.result.tally ?? Tally()
            try sheet.write(row: firstRow, col: col, .integer(tally.passes))
            try sheet.write(row: firstRow + 1, col: col, .integer(tally.total))
            try sheet.write(row: firstRow + 2, col: col, .number(tally.rate), style: ReportStyle.percent)
        }
    }
}
