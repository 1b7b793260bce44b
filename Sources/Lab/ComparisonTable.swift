import Foundation
import LabCore

/// The comparison as a text table for the terminal: the same numbers as the workbook.
public enum ComparisonTable {
    public static func render(_ comparison: Comparison) -> String {
        let experiments = comparison.experiments
        var header = ["code", "check"]
        for (index, experiment) in experiments.enumerated() {
            header += [experiment.label, "95% CI"]
            if index > 0 {
                header += ["Δ pp", "z test p", "Fisher p"]
                if comparison.paired { header += ["paired runs", "sign test p"] }
                header += ["Holm p", ""]
            }
        }
        var rows = [header]
        for row in comparison.rows {
            var cells = [comparison.code(row.key), row.key.title]
            for index in experiments.indices {
                let tally = row.tallies[index]
                cells += [tally.map(text) ?? "-", tally?.interval?.percentText ?? "-"]
                guard index > 0 else { continue }
                let difference = row.differences[index]
                cells += [difference?.rate.map(points) ?? "-", p(difference?.zTest), p(difference?.fisher)]
                if comparison.paired { cells += [difference?.paired?.text ?? "-", p(difference?.paired?.p)] }
                cells += [p(difference?.adjusted), difference?.significant == true ? "*" : ""]
            }
            rows.append(cells)
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        lines += notes(comparison)
        return lines.joined(separator: "\n")
    }

    /// What the columns mean, under the table.
    public static func notes(_ comparison: Comparison) -> [String] {
        let test = comparison.paired ? "the sign test over seed-paired runs" : "Fisher's exact test"
        var notes = [
            "Against \(comparison.experiments[0].label). Δ pp: difference of pass rates in percentage points. 95% CI: "
                + "Wilson score interval; \"small\" marks fewer than \(Tally.smallSampleBelow) verdicts.",
            "Holm p: \(test) (two-sided), Holm-adjusted across the \(comparison.rows.count) checks of each experiment; "
                + "* = Holm p < \(Comparison.alpha).",
        ]
        if comparison.paired {
            notes.append(
                "paired runs: runs with the same seed in both, where this one's pass rate was higher (+), lower (−) or "
                    + "equal (=); ties are left out of the sign test.")
        }
        return notes
    }

    /// `45/50 90.0%`, with ` small` for a small sample.
    private static func text(_ tally: Tally) -> String {
        "\(tally.passes)/\(tally.total) " + (tally.rate.map { String(format: "%.1f%%", $0 * 100) } ?? "-")
            + (tally.isSmallSample ? " small" : "")
    }

    /// `-30.0 pp`.
    static func points(_ difference: Double) -> String {
        String(format: "%+.1f pp", difference * 100)
    }

    private static func p(_ value: Double?) -> String {
        guard let value else { return "-" }
        return value < 0.0001 ? String(format: "%.2e", value) : String(format: "%.4f", value)
    }
}
