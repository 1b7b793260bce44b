import Foundation
import LabCore

/// The comparison as a text table for the terminal: the same numbers as the workbook.
public enum ComparisonTable {
    public static func render(_ comparison: Comparison) -> String {
        let experiments = comparison.experiments
        var header = ["code", "check"]
        for (index, experiment) in experiments.enumerated() {
            header.append(experiment.label)
            if index > 0 { header += ["Δ rate", "z test p", "Fisher p", ""] }
        }
        var rows = [header]
        for row in comparison.rows {
            var cells = [comparison.code(row.key), row.key.title]
            for index in experiments.indices {
                cells.append(row.tallies[index].map(tally) ?? "-")
                guard index > 0 else { continue }
                let difference = row.differences[index]
                cells += [
                    difference?.rate.map { String(format: "%+.1f%%", $0 * 100) } ?? "-",
                    p(difference?.zTest), p(difference?.fisher), difference?.significant == true ? "*" : "",
                ]
            }
            rows.append(cells)
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        lines.append("Against \(experiments[0].label); * = Fisher's exact p < \(Comparison.alpha) (two-sided).")
        return lines.joined(separator: "\n")
    }

    /// `45/50 90.0%`.
    private static func tally(_ tally: Tally) -> String {
        "\(tally.passes)/\(tally.total) " + (tally.rate.map { String(format: "%.1f%%", $0 * 100) } ?? "-")
    }

    private static func p(_ value: Double?) -> String {
        guard let value else { return "-" }
        return value < 0.0001 ? String(format: "%.2e", value) : String(format: "%.4f", value)
    }
}
