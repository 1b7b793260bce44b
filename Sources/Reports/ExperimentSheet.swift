import Foundation
import LabCore

/// Writes the `Experiment` sheet of `summary.xlsx`: key/value facts, then the configuration text line by line.
enum ExperimentSheet: SummarySheet {
    static let name = "Experiment"
    static let about = "The experiment's settings and configuration."

    static func write(_ summary: SummaryInput, into book: Workbook) throws -> String? {
        try write(summary.analysis.experiment, into: book)
        return name
    }

    static func write(_ experiment: ExperimentInfo, into book: Workbook) throws {
        let sheet = try book.addSheet(name)
        try sheet.fitToPageWidth()
        try sheet.setColumn(0, width: 18)
        try sheet.setColumn(1, width: 60)
        try sheet.write(row: 0, col: 0, values: [.text("Key"), .text("Value")], style: ReportStyle.header)

        var facts: [(String, CellValue)] = [
            ("name", .text(experiment.name)),
            ("seed", .text(String(experiment.seed))),
            ("runs", .integer(experiment.runs)),
            ("rounds", .integer(experiment.rounds)),
        ]
        for seat in experiment.chatters.keys.sorted() {
            facts.append((seat, .text(experiment.chatters[seat])))
        }
        facts += [
            ("under test", .text(experiment.underTest.sorted().map(\.description).joined(separator: ", "))),
            ("config path", .text(experiment.configPath)),
            ("tool version", .text(experiment.toolVersion)),
            ("started", .text(iso8601(experiment.started))),
            ("ended", .text(experiment.ended.map(iso8601))),
        ]
        for (index, (key, value)) in facts.enumerated() {
            try sheet.write(row: index + 1, col: 0, .text(key), style: ReportStyle.body)
            try sheet.write(row: index + 1, col: 1, value, style: ReportStyle.wrapped)
        }

        let labelRow = facts.count + 2
        try sheet.write(row: labelRow, col: 0, .text("Configuration"), style: ReportStyle.bold)
        for (offset, line) in configLines(experiment.configText).enumerated() where !line.isEmpty {
            try sheet.write(row: labelRow + 1 + offset, col: 0, .text(line))
        }
        try sheet.freezeHeader(rows: 1)
    }

    /// The configuration's lines without line endings; a final newline does not add an empty line.
    static func configLines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// `2024-05-01T12:00:00Z`.
    static func iso8601(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
