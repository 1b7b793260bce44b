import LabCore

/// Writes a `Histograms` sheet: per breakdown a block of a title row, a header row (the axis, passes, total, pass
/// rate, its Wilson 95 % interval) and one row of numbers per bucket; optionally a column chart of the pass rate per bucket beside each block.
enum HistogramSheet {
    static let name = "Histograms"
    /// Where a block's chart starts, right of the five columns of numbers.
    static let chartColumn = 6

    /// Writes nothing when there are no blocks. Returns the sheet's name when it was written.
    @discardableResult
    static func write(_ blocks: [HistogramBlock], into book: Workbook, charts: Bool) throws -> String? {
        guard !blocks.isEmpty else { return nil }
        let sheet = try book.addSheet(name)
        try sheet.fitToPageWidth()
        let labelWidth = blocks.flatMap { $0.breakdown.labels + [$0.breakdown.axis] }.map(\.count).max() ?? 10
        try sheet.setColumn(0, width: Double(min(40, max(12, labelWidth + 2))))
        try sheet.setColumn(1, through: 3, width: 10)
        try sheet.setColumn(4, width: 14)
        var row = 0
        for block in blocks {
            row = try writeBlock(block, at: row, on: sheet, chart: charts) + 2
        }
        return sheet.name
    }

    /// Writes one block from `top`; returns its last row (or the chart's, when that is lower).
    private static func writeBlock(_ block: HistogramBlock, at top: Int, on sheet: Sheet, chart: Bool) throws -> Int {
        let breakdown = block.breakdown
        try sheet.write(row: top, col: 0, .text(block.title), style: ReportStyle.title)
        try sheet.write(
            row: top + 1, col: 0, values: [.text(breakdown.axis), .text("passes"), .text("total"), .text("pass rate"), .text("95 % CI")],
            style: ReportStyle.header)
        let first = top + 2
        for (index, label) in breakdown.labels.enumerated() {
            let tally = index < breakdown.tallies.count ? breakdown.tallies[index] : Tally()
            try sheet.write(row: first + index, col: 0, .text(label))
            try sheet.write(row: first + index, col: 1, .integer(tally.passes))
            try sheet.write(row: first + index, col: 2, .integer(tally.total))
            try sheet.write(row: first + index, col: 3, .number(tally.rate), style: ReportStyle.rate(tally))
            try sheet.write(row: first + index, col: 4, ReportStyle.interval(tally))
        }
        let last = max(first, first + breakdown.labels.count - 1)
        if chart, !breakdown.labels.isEmpty {
            let chart = Chart(
                kind: .column, title: block.title,
                series: [
                    ChartSeries(
                        name: "pass rate", categories: .column(0, rows: first...last, sheet: sheet.name),
                        values: .column(3, rows: first...last, sheet: sheet.name), color: 0x4472C4)
                ],
                categoryAxis: breakdown.axis, valueAxis: "pass rate", valueBounds: 0...1, valueFormat: "0%")
            // Excel's default chart is 288 px high, 20 px a row: make it as tall as the block.
            let height = max(1, Double(last - top + 1) * 20 / 288)
            try sheet.insertChart(chart, row: top, col: chartColumn, scale: 1.5, heightScale: height)
            return max(last, top + Int((height * 288 / 20).rounded(.up)))  // the chart may be taller than the block
        }
        return last
    }
}
