import Foundation
import LabCore

/// The token usage table printed after the score table when a chatter reported token metrics: a row per seat with
/// its token totals, time to first token and tokens per second (mean, median, p95) and the cost when priced.
enum UsageTable {
    /// The table, or `nil` when no chatter reported usage.
    static func render(_ analysis: Analysis) -> String? {
        guard !analysis.usage.isEmpty else { return nil }
        var rows: [[String]] = [["seat", "turns", "prompt tokens", "completion tokens", "ttft mean/median/p95 (s)",
                                 "tokens/s mean/median/p95", "cost"]]
        for seat in analysis.usage.keys.sorted() {
            let usage = analysis.usage[seat]!
            rows.append([
                seat.description, "\(usage.turns)", number(usage.promptTokens), number(usage.completionTokens),
                spread(SpreadSummary(usage.ttft), "%.3f"), spread(SpreadSummary(usage.tokensPerSecond), "%.1f"),
                analysis.prices[seat].map { cost(usage.cost($0)) } ?? "-",
            ])
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    /// A token count: whole numbers without decimals.
    private static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private static func spread(_ spread: SpreadSummary?, _ format: String) -> String {
        guard let spread else { return "-" }
        return [spread.mean, spread.median, spread.p95].map { String(format: format, $0) }.joined(separator: " / ")
    }

    /// A cost with enough decimals for fractions of a cent (`0.000123`).
    private static func cost(_ value: Double) -> String { String(format: "%.6f", value) }
}
