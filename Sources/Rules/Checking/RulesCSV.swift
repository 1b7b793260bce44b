import Foundation
import LabCore

/// `rules.csv`: SENSEI's columns `rule,checks,pass,fail,not_applicable,fail_rate` (fail rate `100*fail/(pass+fail)`
/// as `xx.xx%`, `0.00%` when no check applied), then ChatLab's `errors,not_evaluated`, one row per rule and the
/// built-in error rows.
public enum RulesCSV {
    public static let header = ["rule", "checks", "pass", "fail", "not_applicable", "fail_rate", "errors", "not_evaluated"]

    public static func text(_ tallies: [RuleTally]) -> String {
        var lines = [header.joined(separator: ",")]
        for tally in tallies {
            let rate = String(format: "%.2f%%", 100 * (tally.failRate ?? 0))
            lines.append([
                field(tally.rule), "\(tally.checks)", "\(tally.pass)", "\(tally.fail)", "\(tally.notApplicable)", rate,
                "\(tally.errors)", "\(tally.notEvaluated)",
            ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A CSV field, quoted when it must be; a leading `= + - @` is prefixed with `'` so no spreadsheet reads a
    /// rule name as a formula.
    static func field(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
