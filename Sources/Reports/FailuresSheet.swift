import LabCore

/// The `Failures` sheet of `report.xlsx`: every failing verdict of every run, one row each, with what a reviewer needs
/// beside it — the run and round (linked to the round's row on the run sheet), the check, the utterance before, the
/// reply, the expected answer of a probe question, and the scorer's note. Turns whose chatter failed (no reply) are
/// listed too, with the error as the note.
///
/// Rows are gathered run by run as the sheets are written; texts are cut to ``textLimit`` characters and at most
/// ``maxRows`` rows are kept (a last row counts the rest), so memory stays bounded however many runs fail.
enum FailuresSheet {
    static let name = "Failures"
    static let maxRows = 10_000
    static let textLimit = 1_000
    static let headers = ["Run", "Round", "Code", "Check", "Seat", "Before", "Reply", "Expected", "Note"]

    /// One failing verdict (or failed turn) with its context.
    struct Row: Sendable, Hashable {
        var run: Int
        var round: Int
        var code: String
        var check: String
        var seat: Seat
        var before: String?
        var reply: String
        var expected: String?
        var note: String?
    }

    /// The failing verdicts of one run, in turn order, then check order.
    static func rows(of run: RunAnalysis, layout: RunLayout) -> [Row] {
        let turns = run.transcript.turns
        var previous: [Int: Turn] = [:]  // turn index → the turn before it
        for (position, turn) in turns.enumerated() where position > 0 { previous[turn.index] = turns[position - 1] }
        var rows: [Row] = []
        for turn in turns {
            let before = previous[turn.index].map { cut($0.text) }
            if let error = turn.error, layout.experiment.underTest.contains(turn.seat) {
                rows.append(Row(
                    run: run.run, round: turn.round, code: "error", check: "no reply", seat: turn.seat, before: before,
                    reply: "", expected: nil, note: cut(error.description)))
            }
            for key in layout.seriesKeys where key.seat == turn.seat {
                guard let cell = run.series(key)?.result.cells[turn.index], cell.verdict == .fail else { continue }
                // The probe question is the turn before the reply (or, rarely, the turn itself).
                let question = [previous[turn.index]?.probe, turn.probe].compactMap { $0 }.first { $0.role == .question }
                let expected = question.flatMap { layout.expected[$0.set] }
                rows.append(Row(
                    run: run.run, round: turn.round, code: layout.labels.code(key), check: key.title, seat: turn.seat,
                    before: before, reply: cut(turn.text), expected: expected.map(cut), note: cell.interpretation.map(cut)))
            }
        }
        return rows
    }

    /// Writes the sheet; `dropped` rows past ``maxRows`` are counted in a last line.
    static func write(_ rows: [Row], dropped: Int, into book: Workbook) throws {
        let sheet = try book.addSheet(name)
        try sheet.fitToPageWidth()
        try sheet.printLandscapeFitToWidth(repeatingRows: 1)
        for (col, width) in [6.0, 7, 12, 18, 9, 45, 45, 20, 40].enumerated() { try sheet.setColumn(col, width: width) }
        try sheet.write(row: 0, col: 0, values: headers.map { .text($0) }, style: ReportStyle.header)
        try sheet.freezeHeader(rows: 1, columns: 2)
        try sheet.autofilter(lastRow: max(1, rows.count), lastCol: headers.count - 1)
        if rows.isEmpty {
            try sheet.write(row: 1, col: 0, .text("No failing turns."))
            return
        }
        for (offset, row) in rows.enumerated() {
            let r = offset + 1
            try sheet.write(
                row: r, col: 0, link: .sheet(RunSheet.name(row.run), row: row.round), text: "\(row.run)",
                style: ReportStyle.body)
            try sheet.write(row: r, col: 1, .integer(row.round), style: ReportStyle.body)
            try sheet.write(row: r, col: 2, .text(row.code), style: ReportStyle.fail)
            try sheet.write(row: r, col: 3, .text(row.check), style: ReportStyle.body)
            try sheet.write(row: r, col: 4, .text(row.seat.description), style: ReportStyle.body)
            try sheet.write(row: r, col: 5, .text(row.before), style: ReportStyle.wrapped)
            try sheet.write(row: r, col: 6, .text(row.reply), style: ReportStyle.wrapped)
            try sheet.write(row: r, col: 7, .text(row.expected), style: ReportStyle.wrapped)
            try sheet.write(row: r, col: 8, .text(row.note), style: ReportStyle.wrapped)
        }
        if dropped > 0 {
            try sheet.write(
                row: rows.count + 1, col: 0,
                .text("… and \(dropped) more failing verdicts (the first \(maxRows) are listed; see the run sheets)."))
        }
    }

    private static func cut(_ text: String) -> String {
        text.count <= textLimit ? text : String(text.prefix(textLimit)) + " … (cut)"
    }
}
