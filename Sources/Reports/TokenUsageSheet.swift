import LabCore

/// Writes the `Tokens` sheet of `summary.xlsx`: a row per seat whose chatter reported token metrics, over all runs —
/// turns, prompt and completion tokens, time to first token and tokens per second (mean, median, p95), the price per
/// million tokens from the config and the cost of the totals at it. Written only when some chatter reported them.
enum TokenUsageSheet: SummarySheet {
    static let name = "Tokens"
    static let about = "Tokens, time to first token, tokens per second and cost per chatter, all runs."

    /// The header row, in column order.
    static let headers = [
        "seat", "chatter", "turns", "prompt tokens", "completion tokens",
        "ttft mean (s)", "ttft median (s)", "ttft p95 (s)",
        "tokens/s mean", "tokens/s median", "tokens/s p95",
        "price input / 1M", "price output / 1M", "cost",
    ]

    static func write(_ summary: SummaryInput, into book: Workbook) throws -> String? {
        let analysis = summary.analysis
        guard !analysis.usage.isEmpty else { return nil }
        let sheet = try book.addSheet(name)
        try sheet.fitToPageWidth()
        try sheet.setColumn(0, width: 10)
        try sheet.setColumn(1, width: 30)
        try sheet.setColumn(2, through: headers.count - 1, width: 13)
        try sheet.write(row: 0, values: headers.map { .text($0) }, style: ReportStyle.header)
        try sheet.freezeHeader()
        for (index, seat) in analysis.usage.keys.sorted().enumerated() {
            try sheet.write(row: index + 1, values: row(seat, analysis))
        }
        return sheet.name
    }

    /// One seat's cells; blank where a value was not reported (ttft without streaming) or not configured (price).
    private static func row(_ seat: Seat, _ analysis: Analysis) -> [CellValue] {
        let usage = analysis.usage[seat] ?? UsageTotals()
        let ttft = SpreadSummary(usage.ttft)
        let speed = SpreadSummary(usage.tokensPerSecond)
        let price = analysis.prices[seat]
        return [
            .text(seat.description), .text(analysis.experiment.chatters[seat.description] ?? ""),
            .integer(usage.turns), .number(usage.promptTokens), .number(usage.completionTokens),
            .number(ttft?.mean), .number(ttft?.median), .number(ttft?.p95),
            .number(speed?.mean), .number(speed?.median), .number(speed?.p95),
            .number(price?.input), .number(price?.output), .number(price.map(usage.cost)),
        ]
    }
}
