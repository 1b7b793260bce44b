import ArgumentParser
import Foundation
import Scoring

extension ChatLab {
    struct Calibrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure the answer judges against a labeled set of replies.",
            discussion: """
                Reads a JSON Lines file of labeled replies ({"kind": "open"|"closed", "question", "expected",
                "aliases"?, "reply", "label": "pass"|"fail"}), judges every reply, and prints accuracy, precision and
                recall (positive class: pass) per judge and per kind, the confusion matrices, and for scored judges
                the score threshold that maximises accuracy.

                Example: chatlab calibrate testsets/calibration/answers.jsonl --workbook calibration.xlsx
                """)

        @Argument(help: "The labeled set (JSON Lines).")
        var file: String

        @Flag(help: "Print one JSON object instead of text.")
        var json = false

        @Option(help: "Also write the results to this .xlsx file.")
        var workbook: String?

        func run() throws {
            let report = try CLIErrors.reporting {
                Calibration.run(try CalibrationReader.read(path: file), file: file)
            }
            if let workbook {
                try CLIErrors.reporting { try CalibrationWorkbook.write(report, to: workbook) }
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                CalibrationPrinter.print(report)
                if let workbook { print("Workbook: \(workbook)") }
            }
        }
    }
}
