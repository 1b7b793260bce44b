import LabCore

/// Writes the `Rules` sheet: one row per correctness rule and built-in error row — checks, pass, fail, not
/// applicable, errors, not evaluated, fail rate (`fail / (pass + fail)`) and the first failing conversations with
/// their reasons. In `summary.xlsx` and `report.xlsx` when the experiment has `rules:`, and in `rules.xlsx` of
/// `chatlab rules check --out`.
public enum RulesSheet: SummarySheet {
    public static let name = "Rules"
    static let about = "Correctness rules: checks, pass, fail, not applicable, errors, fail rate, first failures."

    /// The header row, in column order.
    public static let headers = [
        "rule", "conversations", "checks", "pass", "fail", "not applicable", "errors", "not evaluated", "fail rate",
        "first failures",
    ]

    static func write(_ summary: SummaryInput, into book: Workbook) throws -> String? {
        try write(summary.analysis.rules, into: book)
    }

    /// Writes the sheet when there are rules; returns its name, or `nil` when `rules` is empty.
    @discardableResult
    public static func write(_ rules: [RuleTally], into book: Workbook) throws -> String? {
        guard !rules.isEmpty else { return nil }
        let sheet = try book.addSheet(name)
        try sheet.fitToPageWidth()
        try sheet.setColumn(0, width: 32)
        try sheet.setColumn(1, through: 8, width: 11)
        try sheet.setColumn(9, width: 90)
        try sheet.write(row: 0, values: headers.map { .text($0) }, style: ReportStyle.header)
        try sheet.freezeHeader()
        for (index, rule) in rules.enumerated() {
            let failures = rule.notes.map { "\($0.conversations) (\($0.outcome)): \($0.reason)" }.joined(separator: "\n")
            let rate = rule.failRate
            let rateStyle = rate.map { $0 > 0 ? ReportStyle.fail : ReportStyle.pass } ?? ReportStyle.body
            try sheet.write(row: index + 1, values: [
                .text(rule.rule), .text(rule.scope), .integer(rule.checks), .integer(rule.pass), .integer(rule.fail),
                .integer(rule.notApplicable), .integer(rule.errors), .integer(rule.notEvaluated),
            ], style: ReportStyle.body)
            try sheet.write(row: index + 1, col: 8, .number(rate), style: CellStyle(
                fill: rateStyle.fill, fontColor: rateStyle.fontColor, numberFormat: "0.00%", vertical: .top))
            try sheet.write(row: index + 1, col: 9, .text(failures), style: ReportStyle.wrapped)
        }
        return sheet.name
    }
}

/// `rules.xlsx`: the `Rules` sheet alone, for `chatlab rules check --out`.
public enum RulesWorkbook {
    public static let fileName = "rules.xlsx"

    /// Writes the workbook to `path` (the caller renames a temporary file into place).
    /// - Throws: ``WorkbookError``.
    public static func write(_ rules: [RuleTally], to path: String) throws {
        let book = try Workbook(path: path)
        if try RulesSheet.write(rules, into: book) == nil {
            _ = try book.addSheet(RulesSheet.name)
        }
        try book.close()
    }
}
