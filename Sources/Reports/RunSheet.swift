import LabCore

/// Writes one run's sheet of `report.xlsx`: a row per round, then passes, total, pass rate and its Wilson 95 %
/// interval per series.
///
/// Rows are written strictly top to bottom (header, rounds, tallies, link), as constant-memory workbooks require.
enum RunSheet {
    /// The sheet name of a run, also used by the summary's links into `report.xlsx`.
    static func name(_ run: Int) -> String { "Run \(run)" }

    /// - Parameter runsRow: the run's row on the summary's `Runs` sheet (0-based), for the link back.
    static func write(_ run: RunAnalysis, layout: RunLayout, runsRow: Int, into book: Workbook) throws {
        let sheet = try book.addSheet(name(run.run))
        try sheet.fitToPageWidth()
        let columns = RunColumn.columns(for: run, layout: layout)

        for (col, column) in columns.enumerated() {
            try sheet.setColumn(col, width: column.width)
            try sheet.write(row: 0, col: col, .text(column.header(layout)), style: ReportStyle.header)
        }
        var results: [SeriesKey: ScoreResult] = [:]
        for series in run.series where results[series.key] == nil { results[series.key] = series.result }
        let columnResults = columns.map { column in column.seriesKey.flatMap { results[$0] } }
        let rounds = RoundTurns.index(run.transcript)
        for round in rounds {
            let fill = round.probeFill
            for (col, column) in columns.enumerated() {
                var (value, style) = column.cell(round, result: columnResults[col], layout: layout)
                if let fill, !column.isVerdict { style.fill = fill }
                try sheet.write(row: round.round, col: col, value, style: style)
            }
        }
        // The round and both utterances stay in view while the checks scroll by.
        try sheet.freezeHeader(rows: 1, columns: 3)
        try sheet.printLandscapeFitToWidth(repeatingRows: 1)
        try sheet.autofilter(lastRow: rounds.count, lastCol: columns.count - 1)
        try writeTallies(results, columns: columns, sheet: sheet, firstRow: rounds.count + 2)
        try sheet.write(
            row: rounds.count + 7, col: 0, link: .file(SummaryWorkbook.fileName, sheet: RunsSheet.name, row: runsRow),
            text: "Back to \(SummaryWorkbook.fileName)")
    }

    /// Four labelled rows under the rounds: passes, total, pass rate (grey italics for a small sample) and its 95 %
    /// interval, under each series' first column (its verdict column when shown).
    private static func writeTallies(
        _ results: [SeriesKey: ScoreResult], columns: [RunColumn], sheet: Sheet, firstRow: Int
    ) throws {
        var tallies: [(col: Int, tally: Tally)] = []
        for (col, column) in columns.enumerated() {
            guard let key = column.seriesKey, !tallies.contains(where: { columns[$0.col].seriesKey == key }) else {
                continue
            }
            tallies.append((col, results[key]?.tally ?? Tally()))
        }
        try sheet.write(row: firstRow, col: 0, .text("passes"), style: ReportStyle.bold)
        for (col, tally) in tallies { try sheet.write(row: firstRow, col: col, .integer(tally.passes)) }
        try sheet.write(row: firstRow + 1, col: 0, .text("total"), style: ReportStyle.bold)
        for (col, tally) in tallies { try sheet.write(row: firstRow + 1, col: col, .integer(tally.total)) }
        try sheet.write(row: firstRow + 2, col: 0, .text("pass rate"), style: ReportStyle.bold)
        for (col, tally) in tallies {
            let style = tally.isSmallSample ? ReportStyle.smallSampleRate : ReportStyle.percent
            try sheet.write(row: firstRow + 2, col: col, .number(tally.rate), style: style)
        }
        try sheet.write(row: firstRow + 3, col: 0, .text("95 % CI"), style: ReportStyle.bold)
        for (col, tally) in tallies { try sheet.write(row: firstRow + 3, col: col, ReportStyle.interval(tally)) }
    }
}
