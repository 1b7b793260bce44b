import LabCore

/// Writes the `Runs` sheet of `summary.xlsx`: one row per run and a `Total` row with pooled numbers; per test code
/// with probes the planned and placed probe counts; beside every rate its Wilson 95 % interval (rates of small
/// samples in grey italics); last a link to the run's sheet in `report.xlsx`.
enum RunsSheet: SummarySheet {
    static let name = "Runs"
    static let about = "One row per run and the pooled total."

    static func write(_ summary: SummaryInput, into book: Workbook) throws -> String? {
        try write(summary.analysis, totalStatistics: summary.totalStatistics, into: book)
        return name
    }

    /// The statistics columns of one series, by name.
    private struct SeriesColumns {
        var key: SeriesKey
        var statistics: [String]
    }

    static func write(_ analysis: Analysis, totalStatistics: [SeriesKey: [Statistic]], into book: Workbook) throws {
        let sheet = try book.addSheet(name)
        try sheet.fitToPageWidth()
        let labels = SeriesLabels(analysis)
        let series = analysis.seriesKeys.map { key in
            SeriesColumns(key: key, statistics: statisticNames(key, analysis: analysis, totals: totalStatistics[key]))
        }

        var headers = ["Run", "Seed", "Rounds", "Turns", "Errors"]
        var rateColumns = Set<Int>()
        for entry in series {
            let code = labels.code(entry.key)
            headers += ["\(code) passes", "\(code) total", "\(code) rate", "\(code) 95 % CI"]
            rateColumns.insert(headers.count - 2)
            headers += entry.statistics.map { "\(code) \($0)" }
        }
        let probeCodes = analysis.probeCounts.keys.sorted()
        for code in probeCodes { headers += ["\(code) planned", "\(code) placed"] }
        headers.append("Report")
        for (col, header) in headers.enumerated() {
            try sheet.write(row: 0, col: col, .text(header), style: ReportStyle.header)
            try sheet.setColumn(col, width: col == 1 ? 22 : max(10, Double(header.count) + 2))
        }
        // Before the rows: a constant-memory sheet cannot place a filter over rows it has already written out.
        try sheet.freezeHeader(rows: 1)
        try sheet.autofilter(lastRow: analysis.runs.count, lastCol: headers.count - 1)

        for (index, run) in analysis.runs.enumerated() {
            var values: [CellValue] = [
                .integer(run.run), .text(String(run.seed)), .integer(run.counts.rounds),
                .integer(run.counts.turns), .integer(run.counts.errors),
            ]
            var tallies: [Tally] = []
            for entry in series {
                let result = run.series(entry.key)?.result
                tallies.append(result?.tally ?? Tally())
                values += tallyValues(result?.tally ?? Tally())
                values += entry.statistics.map { name in
                    .number(result?.statistics.first { $0.name == name }?.value)
                }
            }
            values += probeValues(run.probeCounts ?? [:], codes: probeCodes)
            try writeRow(
                values, row: index + 1, sheet: sheet, total: false, rateColumns: rateColumns,
                small: smallColumns(tallies, rateColumns: rateColumns))
            let runSheet = RunSheet.name(run.run)
            try sheet.write(
                row: index + 1, col: values.count, link: .file(RunWorkbook.fileName(run: run.run), sheet: runSheet), text: runSheet)
        }

        let runs = analysis.runs
        var totals: [CellValue] = [
            .text("Total"), .blank, .integer(runs.reduce(0) { $0 + $1.counts.rounds }),
            .integer(runs.reduce(0) { $0 + $1.counts.turns }), .integer(runs.reduce(0) { $0 + $1.counts.errors }),
        ]
        for entry in series {
            totals += tallyValues(analysis.total(entry.key))
            totals += entry.statistics.map { name in
                .number(totalStatistics[entry.key]?.first { $0.name == name }?.value)
            }
        }
        totals += probeValues(analysis.probeCounts, codes: probeCodes)
        try writeRow(
            totals, row: runs.count + 1, sheet: sheet, total: true, rateColumns: rateColumns,
            small: smallColumns(series.map { analysis.total($0.key) }, rateColumns: rateColumns))
        try sheet.write(
            row: runs.count + 1, col: totals.count, link: .file(RunWorkbook.fileName), text: RunWorkbook.fileName)
    }

    /// Passes, total, rate (passes / total, blank when nothing was counted) and its interval.
    private static func tallyValues(_ tally: Tally) -> [CellValue] {
        [.integer(tally.passes), .integer(tally.total), .number(tally.rate), ReportStyle.interval(tally)]
    }

    /// The rate columns of the series whose tallies are small samples, for grey italics.
    private static func smallColumns(_ tallies: [Tally], rateColumns: Set<Int>) -> Set<Int> {
        Set(zip(rateColumns.sorted(), tallies).filter { $0.1.isSmallSample }.map(\.0))
    }

    /// Planned and placed counts per code (0 for a code the run has no probes of).
    private static func probeValues(_ counts: [String: ProbeCount], codes: [String]) -> [CellValue] {
        codes.flatMap { code -> [CellValue] in
            let count = counts[code] ?? ProbeCount()
            return [.integer(count.planned), .integer(count.placed)]
        }
    }

    /// Statistic names of a series in first-seen order over the runs, then any only in the totals.
    private static func statisticNames(_ key: SeriesKey, analysis: Analysis, totals: [Statistic]?) -> [String] {
        var names: [String] = []
        let all = analysis.runs.flatMap { $0.series(key)?.result.statistics ?? [] } + (totals ?? [])
        for statistic in all where !names.contains(statistic.name) { names.append(statistic.name) }
        return names
    }

    /// One row; rate columns get a percent format (grey italics in `small`); the total row is bold with a top border
    /// on every cell.
    private static func writeRow(
        _ values: [CellValue], row: Int, sheet: Sheet, total: Bool, rateColumns: Set<Int>, small: Set<Int>
    ) throws {
        let base = total ? CellStyle(bold: true, topBorder: .thin) : CellStyle.plain
        for (col, value) in values.enumerated() {
            var style = rateColumns.contains(col) ? base.with { $0.numberFormat = "0.0%" } : base
            if small.contains(col) {
                style.italic = true
                style.fontColor = ReportStyle.smallSampleRate.fontColor
            }
            try sheet.write(row: row, col: col, value, style: style)
        }
    }
}
