import Reports
import Scoring

/// Writes a ``CalibrationReport`` to an .xlsx: sheet "Judges" (one row per judge and kind, with the confusion matrix
/// and best threshold) and sheet "Mistakes" (every item a judge got wrong).
enum CalibrationWorkbook {
    static func write(_ report: CalibrationReport, to path: String) throws {
        let book = try Workbook(path: path)
        try writeJudges(report, book.addSheet("Judges"))
        try writeMistakes(report, book.addSheet("Mistakes"))
        try book.close()
    }

    private static let header = CellStyle(bold: true, fill: 0xDDEBF7)
    private static let percent = CellStyle(numberFormat: "0.0%")

    private static func writeJudges(_ report: CalibrationReport, _ sheet: Sheet) throws {
        let titles = [
            "judge", "kind", "items", "accuracy", "precision", "recall", "true pass", "false pass", "true fail",
            "false fail", "best threshold", "accuracy at threshold", "what it is",
        ]
        try sheet.write(row: 0, values: titles.map { .text($0) }, style: header)
        var row = 1
        for judge in report.judges {
            let kinds = [("all", judge.overall)] + judge.kinds.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            for (kind, metrics) in kinds {
                let confusion = metrics.confusion
                try sheet.write(row: row, values: [.text(judge.name), .text(kind), .integer(metrics.items)])
                try sheet.write(row: row, col: 3, values: [
                    .number(metrics.accuracy), .number(metrics.precision), .number(metrics.recall),
                ], style: percent)
                try sheet.write(row: row, col: 6, values: [
                    .integer(confusion.truePositives), .integer(confusion.falsePositives),
                    .integer(confusion.trueNegatives), .integer(confusion.falseNegatives),
                ])
                if kind == "all", let best = judge.bestThreshold {
                    try sheet.write(row: row, col: 10, .number(best.threshold), style: CellStyle(numberFormat: "0.000"))
                    try sheet.write(row: row, col: 11, .number(best.accuracy), style: percent)
                }
                try sheet.write(row: row, col: 12, .text(judge.summary))
                row += 1
            }
        }
        for (offset, note) in report.skipped.enumerated() {
            try sheet.write(row: row + 1 + offset, col: 0, .text("skipped: \(note)"))
        }
        try sheet.setColumn(0, through: 1, width: 14)
        try sheet.setColumn(2, through: 11, width: 11)
        try sheet.setColumn(12, width: 50)
        try sheet.freezeHeader()
    }

    private static func writeMistakes(_ report: CalibrationReport, _ sheet: Sheet) throws {
        let titles = ["judge", "where", "kind", "question", "expected", "reply", "label", "verdict", "extracted", "score"]
        try sheet.write(row: 0, values: titles.map { .text($0) }, style: header)
        var row = 1
        for judge in report.judges {
            for mistake in judge.mistakes {
                try sheet.write(row: row, values: [
                    .text(judge.name), .text(mistake.source), .text(mistake.kind.rawValue), .text(mistake.question),
                    .text(mistake.expected), .text(mistake.reply), .text(mistake.label.rawValue),
                    .text(mistake.verdict.rawValue), .text(mistake.extracted), .number(mistake.score),
                ])
                row += 1
            }
        }
        try sheet.setColumn(0, through: 2, width: 14)
        try sheet.setColumn(3, through: 5, width: 36)
        try sheet.setColumn(6, through: 9, width: 12)
        try sheet.freezeHeader()
        try sheet.autofilter(lastRow: max(row - 1, 0), lastCol: titles.count - 1)
    }
}
