import LabCore

/// Fills the `Overview` sheet of `summary.xlsx` (added first, written last so it can link to the others): the
/// experiment's facts, a table of every series with its pooled pass rate coloured by level (grey italics for a small
/// sample) and its Wilson 95 % interval, the rule in force and the code's meaning (both from ``Analysis/checks``),
/// links to the other sheets and to `report.xlsx`, and a bar chart of the pass rates.
enum OverviewSheet {
    static let name = "Overview"
    /// Columns of the series table.
    static let headers = [
        "Code", "Check", "Passes", "Total", "Pass rate", "95 % CI low", "95 % CI high", "Details", "Threshold", "Meaning",
    ]
    static let chartColumn = 11  // right of the meanings, which overflow into column K

    /// Another sheet of the workbook, for the links list.
    struct Target {
        var sheet: String
        var about: String
    }

    /// - Parameter details: the sheet that shows a series in more detail, for its link.
    static func write(
        _ analysis: Analysis, on sheet: Sheet, targets: [Target], details: (SeriesKey) -> String
    ) throws {
        try sheet.fitToPageWidth()
        for (col, width) in [14.0, 20, 9, 9, 10, 13, 13, 16, 24, 85].enumerated() { try sheet.setColumn(col, width: width) }
        let experiment = analysis.experiment
        try sheet.write(row: 0, col: 0, .text("ChatLab summary: \(experiment.name)"), style: ReportStyle.title)
        let facts: [(String, CellValue)] = [
            ("experiment", .text(experiment.name)),
            ("chatters", .text(experiment.chatters.keys.sorted().compactMap { experiment.chatters[$0] }.joined(separator: " · "))),
            ("seed", .text(String(experiment.seed))),
            ("runs × rounds", .text("\(experiment.runs) × \(experiment.rounds)")),
            ("date", .text(ExperimentSheet.iso8601(experiment.started))),
        ]
        for (offset, (key, value)) in facts.enumerated() {
            try sheet.write(row: offset + 1, col: 0, .text(key), style: ReportStyle.bold)
            try sheet.write(row: offset + 1, col: 1, value)
        }

        let headerRow = facts.count + 2
        try sheet.write(row: headerRow, col: 0, values: headers.map { .text($0) }, style: ReportStyle.header)
        let labels = SeriesLabels(analysis)
        let keys = analysis.seriesKeys
        var tallies: [Tally] = []
        for (offset, key) in keys.enumerated() {
            let row = headerRow + 1 + offset
            let tally = analysis.total(key)
            tallies.append(tally)
            try sheet.write(row: row, col: 0, .text(labels.code(key)), style: ReportStyle.body)
            try sheet.write(row: row, col: 1, .text(key.title), style: ReportStyle.body)
            try sheet.write(row: row, col: 2, .integer(tally.passes), style: ReportStyle.body)
            try sheet.write(row: row, col: 3, .integer(tally.total), style: ReportStyle.body)
            try sheet.write(row: row, col: 4, .number(tally.rate), style: ReportStyle.rate(tally))
            try sheet.write(row: row, col: 5, .number(tally.interval?.low), style: ReportStyle.percent)
            try sheet.write(row: row, col: 6, .number(tally.interval?.high), style: ReportStyle.percent)
            let detailsSheet = details(key)
            try sheet.write(row: row, col: 7, link: .sheet(detailsSheet), text: detailsSheet)
            let check = analysis.checks[key.code]
            try sheet.write(row: row, col: 8, .text(check.map { "\($0.threshold)" }), style: ReportStyle.body)
            try sheet.write(row: row, col: 9, .text(check?.meaning), style: ReportStyle.body)
        }
        var row = headerRow + keys.count + 1
        if tallies.contains(where: \.isSmallSample) {
            try sheet.write(row: row, col: 0, .text(Legend.smallSampleNote), style: ReportStyle.smallSampleRate)
            row += 1
        }

        row += 1
        try sheet.write(row: row, col: 0, .text("Sheets"), style: ReportStyle.title)
        for target in targets {
            row += 1
            try sheet.write(row: row, col: 0, link: .sheet(target.sheet), text: target.sheet)
            try sheet.write(row: row, col: 1, .text(target.about))
        }
        row += 1
        try sheet.write(row: row, col: 0, link: .file(RunWorkbook.fileName), text: RunWorkbook.fileName)
        try sheet.write(row: row, col: 1, .text("Every round of every run, with probes and verdicts (same folder)."))

        if !keys.isEmpty {
            let rows = (headerRow + 1)...(headerRow + keys.count)
            let chart = Chart(
                kind: .bar, title: "Pass rate per check (all runs)",
                series: [
                    ChartSeries(
                        name: "pass rate", categories: .column(0, rows: rows, sheet: sheet.name),
                        values: .column(4, rows: rows, sheet: sheet.name), color: 0x4472C4,
                        pointColors: tallies.map { ReportStyle.level($0).map { Self.chartColour($0.fill) } ?? Self.smallSampleColour })
                ],
                valueAxis: "pass rate", valueBounds: 0...1, valueFormat: "0%")
            try sheet.insertChart(
                chart, row: 0, col: chartColumn, scale: 1.3, heightScale: max(1, Double(keys.count) * 26 / 288 + 0.4))
        }
    }

    /// Bars of small samples (and of checks with nothing counted): grey, so no level colour is read into them.
    static let smallSampleColour: UInt32 = 0xA6A6A6

    /// Stronger versions of the level fills, readable as bars.
    private static func chartColour(_ fill: UInt32) -> UInt32 {
        switch fill {
        case ReportStyle.goodRate.fill: return 0x70AD47
        case ReportStyle.fairRate.fill: return 0xFFC000
        default: return 0xE74C3C
        }
    }
}
