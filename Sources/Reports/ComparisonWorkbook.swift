import LabCore

/// Writes a comparison of experiments (``Input``, mapped by the caller) to an .xlsx: sheet `Comparison` (per check
/// one row; per experiment a column group of passes, total, rate and its Wilson 95 % interval, and for every
/// experiment after the first the difference in pass rate against the first in percentage points, the z-test and
/// Fisher p-values, for paired comparisons the seed-paired runs and the sign test, the Holm-adjusted p-value and a
/// significance mark; notes and warnings, then a clustered column chart of the pass rates per check and experiment
/// below) and sheet `Experiments` (where each experiment came from).
public enum ComparisonWorkbook {
    public static let defaultFileName = "comparison.xlsx"
    public static let sheetName = "Comparison"
    /// Row (0-based) of the experiment labels over the column groups, of the column headers, and of the first check.
    static let groupRow = 3
    static let headerRow = 4
    static let firstRow = 5

    /// The first column (0-based) of experiment `index`'s group: passes, total, rate, 95 % CI (then Δ pp, z p,
    /// Fisher p, [pairs, sign test p,] Holm p, mark).
    public static func groupColumn(_ index: Int, paired: Bool = false) -> Int {
        index == 0 ? 2 : 6 + groupHeaders(1, paired: paired).count * (index - 1)
    }

    /// The column headers of experiment `index`'s group.
    public static func groupHeaders(_ index: Int, paired: Bool = false) -> [String] {
        ["passes", "total", "rate", "95 % CI"]
            + (index == 0
                ? [] : ["Δ (pp)", "z test p", "Fisher p"] + (paired ? ["paired runs", "sign test p"] : [])
                    + ["Holm p", "Holm p < 0.05"])
    }

    private static let header = CellStyle(bold: true, wrap: true, fill: 0xD9D9D9, border: .thin, vertical: .top)
    private static let group = CellStyle(bold: true, fill: 0xDDEBF7, border: .thin, horizontal: .center)
    private static let title = CellStyle(bold: true, fontColor: 0x1F4E78)
    /// Percentage points: the cell holds 100 × the difference of the rates.
    private static let delta = CellStyle(numberFormat: "+0.0\" pp\";-0.0\" pp\";0.0\" pp\"")
    private static let palette: [UInt32] = [0x4472C4, 0xED7D31, 0xA5A5A5, 0xFFC000, 0x5B9BD5, 0x70AD47, 0x264478, 0x9E480E]

    /// Writes the workbook to `path`.
    /// - Throws: ``WorkbookError``; the folder is checked before anything is written.
    public static func write(_ comparison: Input, to path: String) throws {
        let book = try Workbook(path: path)
        try writeComparison(comparison, on: book.addSheet(sheetName))
        try writeExperiments(comparison, on: book.addSheet("Experiments"))
        try book.close()
    }

    private static func writeComparison(_ comparison: Input, on sheet: Sheet) throws {
        let experiments = comparison.experiments
        let paired = comparison.paired
        func groupColumn(_ index: Int) -> Int { Self.groupColumn(index, paired: paired) }
        func groupHeaders(_ index: Int) -> [String] { Self.groupHeaders(index, paired: paired) }
        let lastCol = groupColumn(experiments.count - 1) + groupHeaders(experiments.count - 1).count - 1
        try sheet.fitToPageWidth()
        try sheet.setColumn(0, width: 16)
        try sheet.setColumn(1, width: 22)
        try sheet.setColumn(2, through: max(2, lastCol), width: 10)
        let names = experiments.map(\.label).joined(separator: " · ")
        try sheet.write(row: 0, col: 0, .text("ChatLab comparison: \(names)"), style: title)
        try sheet.write(
            row: 1, col: 0,
            .text("Differences (percentage points) and p-values (two-sided) are against \(experiments[0].label); "
                + "* marks a Holm-adjusted p < \(comparison.alpha)."))

        try sheet.merge(row: groupRow, firstCol: 0, lastCol: 1, text: "Check", style: group)
        for (index, experiment) in experiments.enumerated() {
            let first = groupColumn(index)
            try sheet.merge(
                row: groupRow, firstCol: first, lastCol: first + groupHeaders(index).count - 1, text: experiment.label,
                style: group)
        }
        try sheet.write(row: headerRow, col: 0, values: [.text("Code"), .text("Check")], style: header)
        for index in experiments.indices {
            try sheet.write(
                row: headerRow, col: groupColumn(index), values: groupHeaders(index).map { .text($0) }, style: header)
        }

        for (offset, row) in comparison.rows.enumerated() {
            let r = firstRow + offset
            try sheet.write(row: r, col: 0, .text(row.code))
            try sheet.write(row: r, col: 1, .text(row.title))
            for index in experiments.indices {
                let col = groupColumn(index)
                if let tally = row.tallies[index] {
                    try sheet.write(row: r, col: col, .integer(tally.passes))
                    try sheet.write(row: r, col: col + 1, .integer(tally.total))
                    try sheet.write(row: r, col: col + 2, .number(tally.rate), style: ReportStyle.rate(tally))
                    try sheet.write(row: r, col: col + 3, ReportStyle.interval(tally))
                }
                guard let difference = row.differences[index] else { continue }
                try sheet.write(row: r, col: col + 4, .number(difference.rate.map { $0 * 100 }), style: delta)
                try sheet.write(row: r, col: col + 5, .number(difference.zTest), style: pStyle(difference.zTest))
                try sheet.write(row: r, col: col + 6, .number(difference.fisher), style: pStyle(difference.fisher))
                var next = col + 7
                if paired {
                    try sheet.write(row: r, col: next, .text(difference.pairs))
                    try sheet.write(row: r, col: next + 1, .number(difference.signTest), style: pStyle(difference.signTest))
                    next += 2
                }
                try sheet.write(row: r, col: next, .number(difference.adjusted), style: pStyle(difference.adjusted))
                if difference.significant {
                    try sheet.write(row: r, col: next + 1, .text("*"), style: CellStyle(bold: true, horizontal: .center))
                }
            }
        }
        let lastRow = firstRow + max(comparison.rows.count, 1) - 1
        try sheet.freezeHeader(rows: firstRow, columns: 2)

        var row = lastRow + 2
        let notes = [
            "passes / total / rate: pooled over all runs of the experiment (summary.json, total.scores); "
                + "95 % CI: the rate's Wilson score interval.",
            "Δ (pp): this experiment's pass rate minus \(experiments[0].label)'s, in percentage points.",
            "z test p: pooled two-proportion z test, two-sided (a normal approximation; rough for small totals).",
            "Fisher p: Fisher's exact test on the 2×2 table of passes and fails, two-sided.",
        ] + comparison.notes
        for note in notes {
            try sheet.write(row: row, col: 0, .text(note))
            row += 1
        }
        for warning in comparison.warnings {
            try sheet.write(row: row, col: 0, .text("Warning: \(warning)"), style: CellStyle(bold: true, fontColor: 0x9C0006))
            row += 1
        }
        if !comparison.rows.isEmpty {
            let rows = firstRow...lastRow
            let chart = Chart(
                kind: .column, title: "Pass rate per check and experiment",
                series: experiments.indices.map { index in
                    ChartSeries(
                        name: experiments[index].label, categories: .column(0, rows: rows, sheet: sheet.name),
                        values: .column(groupColumn(index) + 2, rows: rows, sheet: sheet.name),
                        color: palette[index % palette.count])
                },
                categoryAxis: "check", valueAxis: "pass rate", valueBounds: 0...1, valueFormat: "0%", legend: true)
            let width = max(1.5, Double(comparison.rows.count * experiments.count) * 0.12)
            try sheet.insertChart(chart, row: row + 1, col: 0, scale: min(width, 4), heightScale: 1.4)
        }
    }

    private static func writeExperiments(_ comparison: Input, on sheet: Sheet) throws {
        try sheet.fitToPageWidth()
        let headers = ["#", "Label", "Name", "Folder", "Seed", "Runs", "Rounds", "Started", "Checks"]
        for (col, width) in [4.0, 24, 20, 50, 22, 8, 8, 22, 8].enumerated() { try sheet.setColumn(col, width: width) }
        try sheet.write(row: 0, values: headers.map { .text($0) }, style: header)
        for (index, experiment) in comparison.experiments.enumerated() {
            try sheet.write(
                row: index + 1,
                values: [
                    .integer(index + 1), .text(experiment.label), .text(experiment.name), .text(experiment.folder),
                    .text(experiment.seed), .integer(experiment.runs), .integer(experiment.rounds),
                    .text(experiment.started), .integer(experiment.checks),
                ])
        }
        try sheet.freezeHeader(rows: 1)
    }

    /// Four decimals, or scientific notation for very small p-values.
    private static func pStyle(_ p: Double?) -> CellStyle {
        CellStyle(numberFormat: (p ?? 1) < 0.0001 ? "0.00E+00" : "0.0000")
    }
}
