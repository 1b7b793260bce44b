/// Writes the results of calibrating the answer judges (``Input``, mapped by the caller) to an .xlsx: sheet "Judges"
/// (one row per judge and kind, with the confusion matrix and best threshold) and sheet "Mistakes" (every item a
/// judge got wrong).
public enum CalibrationWorkbook {
    /// Writes the workbook to `path`.
    /// - Throws: ``WorkbookError``; the folder is checked before anything is written.
    public static func write(_ calibration: Input, to path: String) throws {
        let book = try Workbook(path: path)
        try writeJudges(calibration, book.addSheet("Judges"))
        try writeMistakes(calibration, book.addSheet("Mistakes"))
        try book.close()
    }

    private static let header = CellStyle(bold: true, fill: 0xDDEBF7)
    private static let percent = CellStyle(numberFormat: "0.0%")

    private static func writeJudges(_ calibration: Input, _ sheet: Sheet) throws {
        let titles = [
            "judge", "kind", "items", "accuracy", "precision", "recall", "true pass", "false pass", "true fail",
            "false fail", "best threshold", "accuracy at threshold", "what it is",
        ]
        try sheet.write(row: 0, values: titles.map { .text($0) }, style: header)
        var row = 1
        for judge in calibration.judges {
            try sheet.write(row: row, values: [.text(judge.judge), .text(judge.kind), .integer(judge.items)])
            try sheet.write(row: row, col: 3, values: [
                .number(judge.accuracy), .number(judge.precision), .number(judge.recall),
            ], style: percent)
            try sheet.write(row: row, col: 6, values: [
                .integer(judge.truePass), .integer(judge.falsePass), .integer(judge.trueFail),
                .integer(judge.falseFail),
            ])
            if let threshold = judge.bestThreshold {
                try sheet.write(row: row, col: 10, .number(threshold), style: CellStyle(numberFormat: "0.000"))
            }
            if let accuracy = judge.accuracyAtThreshold {
                try sheet.write(row: row, col: 11, .number(accuracy), style: percent)
            }
            try sheet.write(row: row, col: 12, .text(judge.summary))
            row += 1
        }
        for (offset, note) in calibration.skipped.enumerated() {
            try sheet.write(row: row + 1 + offset, col: 0, .text("skipped: \(note)"))
        }
        try sheet.setColumn(0, through: 1, width: 14)
        try sheet.setColumn(2, through: 11, width: 11)
        try sheet.setColumn(12, width: 50)
        try sheet.freezeHeader()
    }

    private static func writeMistakes(_ calibration: Input, _ sheet: Sheet) throws {
        let titles = ["judge", "where", "kind", "question", "expected", "reply", "label", "verdict", "extracted", "score"]
        try sheet.write(row: 0, values: titles.map { .text($0) }, style: header)
        var row = 1
        for mistake in calibration.mistakes {
            try sheet.write(row: row, values: [
                .text(mistake.judge), .text(mistake.source), .text(mistake.kind), .text(mistake.question),
                .text(mistake.expected), .text(mistake.reply), .text(mistake.label), .text(mistake.verdict),
                .text(mistake.extracted), .number(mistake.score),
            ])
            row += 1
        }
        try sheet.setColumn(0, through: 2, width: 14)
        try sheet.setColumn(3, through: 5, width: 36)
        try sheet.setColumn(6, through: 9, width: 12)
        try sheet.freezeHeader()
        try sheet.autofilter(lastRow: max(row - 1, 0), lastCol: titles.count - 1)
    }
}
